package dev.herald.content.asset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Public asset URLs, absolute from {@code herald.content.public-url}: events and feeds carry HTML that readers open
 * far from this service, where a relative URL would break.
 */
@ApplicationScoped
public class AssetUrls {

    private final String publicUrl;

    public AssetUrls(AssetConfig config) {
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String of(Asset asset) {
        return publicUrl + "/assets/" + asset.id + "/" + URLEncoder.encode(asset.name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
