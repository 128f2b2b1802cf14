package io.agentobs.cli.progress;

import io.agentobs.cli.CliContext;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Whether a command's stderr is the process's own and a terminal, so that a progress bar may be redrawn on it. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * True when the context writes to the real {@code System.err} and the JVM is attached to a terminal. From JDK 22
     * on {@link System#console()} also returns a console when the streams are redirected, so there its
     * {@code isTerminal()} (called reflectively: the CLI is compiled for Java 17) decides.
     */
    public static boolean interactive(CliContext context) {
        if (context.err() != System.err) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException unexpected) {
            return false;
        }
    }
}
