package io.agentobs.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.agentobs.infra.InfraPorts;

/**
 * What {@link LocalStackMain} was asked to do.
 *
 * @param home             the repository: services' jars are looked for in {@code <home>/<module>/target}
 * @param dataDirectory    PostgreSQL, Redis, S3, Kafka data, logs and the simulation's spool
 * @param clean            delete {@code dataDirectory} before starting
 * @param simulateRate     events per second {@code agentobs simulate} publishes once everything is up, if present
 * @param infraPorts       the servers' ports
 * @param servicePorts     module name to HTTP port, for services not on their default port
 * @param serviceEnvironment variables added to every service's environment (they win over the stack's)
 * @param readinessTimeout how long each service may take to become ready
 */
record LocalStackOptions(Path home, Path dataDirectory, boolean clean, OptionalDouble simulateRate,
                         InfraPorts infraPorts, Map<String, Integer> servicePorts,
                         Map<String, String> serviceEnvironment, Duration readinessTimeout) {

    static final double DEFAULT_SIMULATE_RATE = 50;
    static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: bin/agentobs-stack [options]",
            "  --data-dir=DIR            data, logs and spool (default ./data); a restart continues from it",
            "  --clean                   delete the data directory first",
            "  --simulate[=RATE]         run agentobs simulate at RATE events/s (default 50) once all is up",
            "  --kafka-port=N --postgres-port=N --redis-port=N --s3-port=N",
            "                            server ports (defaults 9092, 15432, 6379, 9000)",
            "  --<module>-port=N         a service's HTTP port, e.g. --db-writer-service-port=18081",
            "  --env=KEY=VALUE           extra environment variable for every service (repeatable)",
            "  --readiness-timeout=SEC   how long each service may take to become ready (default 180)",
            "  --home=DIR                the repository holding the services' target/ folders (default .)");

    LocalStackOptions {
        servicePorts = Map.copyOf(servicePorts);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** The defaults: {@code ./data}, fixed ports, no simulation. */
    static LocalStackOptions defaults(Path home) {
        return new LocalStackOptions(home, Path.of("data"), false, OptionalDouble.empty(), InfraPorts.defaults(),
                Map.of(), Map.of(), DEFAULT_READINESS_TIMEOUT);
    }

    /**
     * Reads the command line; {@code --simulate} also takes its rate as the next argument.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static LocalStackOptions parse(Path defaultHome, String... args) {
        LocalStackOptions defaults = defaults(defaultHome);
        Path home = defaults.home();
        Path data = defaults.dataDirectory();
        boolean clean = false;
        OptionalDouble simulate = OptionalDouble.empty();
        int kafka = InfraPorts.DEFAULT_KAFKA;
        int postgres = InfraPorts.DEFAULT_POSTGRES;
        int redis = InfraPorts.DEFAULT_REDIS;
        int s3 = InfraPorts.DEFAULT_S3;
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        Duration readiness = DEFAULT_READINESS_TIMEOUT;
        List<String> modules = FleetService.all().stream().map(FleetService::module).toList();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--clean" -> clean = true;
                case "--simulate" -> {
                    if (value == null && !rest.isEmpty() && rest.get(0).matches("[0-9.]+")) {
                        value = rest.remove(0);
                    }
                    simulate = OptionalDouble.of(value == null ? DEFAULT_SIMULATE_RATE : rate(value));
                }
                case "--data-dir" -> data = Path.of(required(name, value));
                case "--home" -> home = Path.of(required(name, value));
                case "--kafka-port" -> kafka = port(name, value);
                case "--postgres-port" -> postgres = port(name, value);
                case "--redis-port" -> redis = port(name, value);
                case "--s3-port" -> s3 = port(name, value);
                case "--readiness-timeout" -> readiness = Duration.ofSeconds(positive(name, value));
                case "--env" -> {
                    String pair = required(name, value);
                    int split = pair.indexOf('=');
                    if (split < 1) {
                        throw new IllegalArgumentException("--env needs KEY=VALUE, got '" + pair + "'");
                    }
                    environment.put(pair.substring(0, split), pair.substring(split + 1));
                }
                default -> {
                    String module = name.startsWith("--") && name.endsWith("-port")
                            ? name.substring(2, name.length() - "-port".length()) : null;
                    if (module == null || !modules.contains(module)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    servicePorts.put(module, port(name, value));
                }
            }
        }
        return new LocalStackOptions(home, data, clean, simulate, new InfraPorts(kafka, postgres, redis, s3),
                servicePorts, environment, readiness);
    }

    /** The HTTP port of a service. */
    int portOf(FleetService service) {
        return servicePorts.getOrDefault(service.module(), service.defaultPort());
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int port(String name, String value) {
        int port = positive(name, value);
        if (port > 65535) {
            throw new IllegalArgumentException(name + " must be a port 1-65535, got " + value);
        }
        return port;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(required(name, value));
            if (number < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double rate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--simulate needs a positive rate, got " + value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--simulate needs a rate in events per second, got '" + value + "'");
        }
    }
}
