package dev.herald.content.asset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public asset URLs, absolute from {@code herald.content.public-url}: events and feeds carry HTML that readers open
 * far from this service, where a relative URL would break.
 */
@ApplicationScoped
public class AssetUrls {

    private final String publicUrl;

    public AssetUrls(@ConfigProperty(name = "herald.content.public-url") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String of(Asset asset) {
        return publicUrl + "/assets/" + asset.id + "/" + URLEncoder.encode(asset.name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
