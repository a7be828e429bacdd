package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code quarkus.http.proxy.trusted-proxies} names address blocks only: Quarkus resolves any other entry as a host name
 * on every request, and a bare {@code ::1} was one, so each feed request on a reused connection waited for DNS (up to
 * 5 s where there is none).
 */
class TrustedProxiesTest {

    private static final String KEY = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern BLOCK = Pattern.compile("([0-9.]+|[0-9a-fA-F:]+)/[0-9]{1,3}");

    @Test
    void everyServiceTrustsAddressBlocksOnly() {
        for (String service : ServiceConfig.SERVICES) {
            assertEquals(List.of(), hostNames(ServiceConfig.load(Repo.root(), service)), service);
        }
    }

    @Test
    void aBareAddressIsCaught() {
        Properties properties = new Properties();
        properties.setProperty(KEY, "10.0.0.0/8, 127.0.0.0/8,::1,proxy.internal");
        assertEquals(List.of("::1", "proxy.internal"), hostNames(new ServiceConfig("feed-service", properties)));
    }

    private static List<String> hostNames(ServiceConfig config) {
        String trusted = config.prod(KEY, "");
        return trusted.isBlank() ? List.of()
                : Arrays.stream(trusted.split(",")).map(String::strip).filter(entry -> !BLOCK.matcher(entry).matches()).toList();
    }
}
