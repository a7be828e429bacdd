package dev.herald.manifests;

import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;

/**
 * content-service's absolute image URLs against the Ingress: readers open them from feeds and pages, so the URL's
 * host must be an Ingress host that routes the asset path to content-service, and the ingress controller may reach it.
 */
final class PublicAssetChecks {

    private static final String SERVICE = "content-service";
    private static final String PROPERTY = "herald.content.public-url";
    // AssetUrls appends this to the public URL and AssetResource serves it
    private static final String ASSET_PATH = "/assets/{id}/{name}";
    // where the controller for ingressClassName nginx runs (README: requirements)
    private static final String CONTROLLER_NAMESPACE = "ingress-nginx";
    private static final Pattern ENV_WITH_DEFAULT = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private PublicAssetChecks() {
    }

    static void check(Assembly assembly, Path repo, List<String> problems) {
        ServiceConfig config = ServiceConfig.load(repo, SERVICE);
        Matcher expression = ENV_WITH_DEFAULT.matcher(config.prod(PROPERTY, ""));
        Optional<Deployment> deployment = assembly.named(Deployment.class, SERVICE);
        if (!expression.matches()) {
            problems.add(SERVICE + ": " + PROPERTY + " is not read from an environment variable, so no overlay can set it");
            return;
        }
        // ServiceWiringChecks reports a missing Deployment or container
        Optional<Container> container = deployment.flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> SERVICE.equals(c.getName())).findFirst());
        if (container.isEmpty()) {
            return;
        }
        String env = expression.group(1);
        String url = Objects.requireNonNullElse(ServiceWiringChecks.value(assembly, container.get(), env).orElse(expression.group(2)), "");
        String where = "Deployment " + SERVICE + ": " + env + " '" + url + "'";
        String host = URI.create(url).getHost();
        List<HTTPIngressPath> paths = assembly.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .filter(rule -> rule.getHost() != null && rule.getHost().equals(host))
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        if (paths.isEmpty()) {
            problems.add(where + " names a host no Ingress serves, so readers cannot load report images");
            return;
        }
        String request = URI.create(url).getPath().replaceFirst("/$", "") + ASSET_PATH;
        Optional<HTTPIngressPath> route = paths.stream().filter(p -> matches(p, request)).max(Comparator
                .comparing((HTTPIngressPath p) -> "Exact".equals(p.getPathType())).thenComparing(p -> p.getPath().length()));
        IngressServiceBackend backend = route.map(p -> p.getBackend().getService()).orElse(null);
        if (backend == null || !SERVICE.equals(backend.getName())) {
            problems.add("Ingress host " + host + " routes " + request + " to " + (backend == null ? "nothing" : backend.getName())
                    + ", not " + SERVICE + " (" + env + ")");
        } else if (!Reachability.reaches(assembly, backend, deployment.get(), config.httpPort())) {
            problems.add("Ingress host " + host + ": the " + request + " route names no port of Service " + SERVICE + " that reaches its port " + config.httpPort());
        }
        if (!Reachability.admits(assembly, deployment.get(), config.httpPort(), CONTROLLER_NAMESPACE)) {
            problems.add("NetworkPolicy: nothing admits namespace " + CONTROLLER_NAMESPACE + " to " + SERVICE + " on port " + config.httpPort()
                    + ", so the Ingress's " + request + " route is blocked");
        }
    }

    // Ingress path matching: Prefix (and nginx's ImplementationSpecific) by whole path elements, Exact by equality
    private static boolean matches(HTTPIngressPath path, String request) {
        String prefix = Objects.requireNonNullElse(path.getPath(), "/").replaceFirst("/$", "");
        return "Exact".equals(path.getPathType()) ? request.equals(path.getPath())
                : prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }
}
