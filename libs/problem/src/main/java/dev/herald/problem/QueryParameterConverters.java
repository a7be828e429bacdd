package dev.herald.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/** Reads numbers, booleans, UUIDs and enums from {@code @QueryParam}s; an unreadable value is a 400 naming the parameter. */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations == null ? new Annotation[0] : annotations)
                .filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value()).findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        Parser parser = parser(rawType);
        return parser == null ? null : new NamedConverter<>(name, parser);
    }

    private record Parser(Function<String, Object> read, String expected) {
    }

    private static Parser parser(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new Parser(value -> Integer.valueOf(value.strip()), "must be a whole number");
        }
        if (type == long.class || type == Long.class) {
            return new Parser(value -> Long.valueOf(value.strip()), "must be a whole number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Parser(QueryParameterConverters::bool, "must be true or false");
        }
        if (type == UUID.class) {
            return new Parser(UUID::fromString, "must be a UUID");
        }
        if (type.isEnum()) {
            String names = Arrays.stream(type.getEnumConstants()).map(c -> LowerCaseEnumNaming.of((Enum<?>) c))
                    .collect(Collectors.joining(", "));
            return new Parser(enumReader(type), "must be one of " + names);
        }
        return null;
    }

    private static Boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** Constant names in any case ({@link LowerCaseEnumNaming} puts them in lower case on the wire); blank is no filter. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> enumReader(Class<?> type) {
        return value -> value.isBlank() ? null : Enum.valueOf((Class) type, value.strip().toUpperCase(Locale.ROOT));
    }

    private static final class NamedConverter<T> implements ParamConverter<T> {

        private final String name;
        private final Parser parser;

        NamedConverter(String name, Parser parser) {
            this.name = name;
            this.parser = parser;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return (T) parser.read().apply(value);
            } catch (RuntimeException e) {
                throw new InvalidParameterException(name, parser.expected());
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
