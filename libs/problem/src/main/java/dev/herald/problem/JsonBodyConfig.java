package dev.herald.problem;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bounds of a JSON request body ({@link JsonBodyChecks}, 413 past either). Bound to objects a body takes up to ~15
 * times its size in heap, so these stay far below {@code quarkus.http.limits.max-body-size}.
 */
// Quarkus REST makes its reader interceptors at static init, when only mappings marked safe there are known
@StaticInitSafe
@ConfigMapping(prefix = "herald.json")
public interface JsonBodyConfig {

    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Names, values, and each start and end of an object or array. */
    @WithDefault("100000")
    int maxTokens();
}
