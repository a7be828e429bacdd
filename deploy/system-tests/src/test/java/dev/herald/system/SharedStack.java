package dev.herald.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.herald.stack.LocalStack;
import dev.herald.stack.StackConfig;

/**
 * One stack for the test classes that need an ordinary one and leave it usable, started for the first of them and
 * stopped once every class has run: each start and stop of a stack costs about 30 s on 2 cores. A test may stop it and
 * start it again (same ports, same data). Classes that need a stack of another shape start their own.
 */
final class SharedStack implements AutoCloseable {

    private final StackConfig config;
    private LocalStack stack;

    private SharedStack() {
        try {
            config = StackConfig.randomPorts(Path.of(System.getProperty("herald.home")), Files.createTempDirectory("herald-system-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = LocalStack.start(config);
    }

    StackConfig config() {
        return config;
    }

    LocalStack stack() {
        return stack;
    }

    void stop() {
        stack.close();
        stack = null;
    }

    void start() {
        stack = LocalStack.start(config);
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Gives a {@code SharedStack} parameter (of a {@code @BeforeAll} method, say) the one of this test run. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root context's store closes what it holds when the whole run ends
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SharedStack.class, key -> new SharedStack(), SharedStack.class);
        }
    }
}
