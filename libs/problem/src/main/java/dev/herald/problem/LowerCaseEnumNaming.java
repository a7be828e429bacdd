package dev.herald.problem;

import java.util.Locale;

import com.fasterxml.jackson.databind.EnumNamingStrategy;

/**
 * Enum constants keep Java's upper case ({@code TRAVEL_FUNDING}) and travel in lower case ({@code travel_funding}):
 * Jackson writes and reads them so through {@code @EnumNaming(LowerCaseEnumNaming.class)}, SmallRye OpenAPI lists
 * them so (it calls {@link #translate}), and query parameters read them in any case ({@link QueryParameterConverters}).
 */
public class LowerCaseEnumNaming implements EnumNamingStrategy {

    /** The name a constant has in JSON, events and query parameters. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String convertEnumToExternalName(String enumName) {
        return translate(enumName);
    }

    /** The method SmallRye OpenAPI looks up on a naming strategy named by {@code @EnumNaming}. */
    public String translate(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
