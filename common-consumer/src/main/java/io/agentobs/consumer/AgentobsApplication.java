package io.agentobs.consumer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point used by every service's {@code main}: accepts seed 000's {@code --config <file>} form. */
public final class AgentobsApplication {

    private AgentobsApplication() {
    }

    /** Starts the service, turning {@code --config <file>} into {@code --config=<file>} first. */
    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        return SpringApplication.run(application, normalise(args));
    }

    /** Rewrites {@code --config <file>} as {@code --config=<file>}, leaving other arguments as they are. */
    public static String[] normalise(String... args) {
        List<String> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.add("--config=" + args[++i]);
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }
}
