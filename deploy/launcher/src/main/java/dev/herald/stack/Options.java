package dev.herald.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A command's arguments as typed after it: flags, {@code --name value} options and operands, checked before anything
 * runs. What a command does not know, or a value it cannot read, is a {@link UsageError}.
 */
final class Options {

    /** What a command accepts, and its usage line. */
    record Syntax(String command, String usage, Set<String> flags, Set<String> options, int operands) {
    }

    /** A command line the launcher does not run: one line saying what is wrong and how the command is used. */
    static final class UsageError extends IllegalArgumentException {

        UsageError(Syntax syntax, String problem) {
            super("herald " + syntax.command() + ": " + problem + " (usage: herald " + syntax.command() + " " + syntax.usage() + ")");
        }
    }

    private final Syntax syntax;
    private final Set<String> flags;
    private final Map<String, String> values;
    private final List<String> operands;

    private Options(Syntax syntax, Set<String> flags, Map<String, String> values, List<String> operands) {
        this.syntax = syntax;
        this.flags = flags;
        this.values = values;
        this.operands = operands;
    }

    /** @param arguments what follows the command */
    static Options parse(Syntax syntax, List<String> arguments) {
        Set<String> flags = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (syntax.flags().contains(argument)) {
                flags.add(argument);
            } else if (syntax.options().contains(argument)) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageError(syntax, argument + " needs a value");
                }
                if (values.put(argument, arguments.get(++i)) != null) {
                    throw new UsageError(syntax, argument + " is given twice");
                }
            } else if (argument.startsWith("-")) {
                throw new UsageError(syntax, "unknown option " + argument);
            } else if (operands.size() < syntax.operands()) {
                operands.add(argument);
            } else {
                throw new UsageError(syntax, "unexpected " + argument);
            }
        }
        return new Options(syntax, flags, values, operands);
    }

    boolean flag(String flag) {
        return flags.contains(flag);
    }

    /** The option's value, or {@code otherwise} when it is not given. */
    String text(String option, String otherwise) {
        return values.getOrDefault(option, otherwise);
    }

    /**
     * The option's value as {@code read} makes it, or {@code otherwise} when it is not given.
     *
     * @param read refuses a value it cannot read with any {@link IllegalArgumentException}
     * @param expected what a value must be, for the error: "a whole number"
     */
    <T> T value(String option, T otherwise, Function<String, T> read, String expected) {
        String value = values.get(option);
        if (value == null) {
            return otherwise;
        }
        try {
            return read.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageError(syntax, option + " needs " + expected + ", not \"" + value + "\"");
        }
    }

    /** The operand at {@code index}, or {@code otherwise}, which must be one of {@code allowed}. */
    String operand(int index, String otherwise, Set<String> allowed, String expected) {
        String operand = index < operands.size() ? operands.get(index) : otherwise;
        if (!allowed.contains(operand)) {
            throw new UsageError(syntax, "needs " + expected + ", not \"" + operand + "\"");
        }
        return operand;
    }
}
