package io.agentobs.consumer.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * Loads the optional {@code --config <file>} (YAML or JSON, as seed 000's {@code config.json}) into the environment.
 *
 * <p>The file sits below environment variables and command-line arguments and above the application's own
 * defaults. Flat snake_case keys such as {@code kafka_brokers} or {@code batch_size} are also offered under their
 * environment-variable names ({@code KAFKA_BROKERS}, {@code BATCH_SIZE}), so a seed-style file configures the same
 * settings as the seed's environment variables; dotted keys ({@code agentobs.consumer.batch-size}) work as they are.
 */
public class ConfigFileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Property that names the file; {@code --config=<file>} on the command line sets it. */
    public static final String CONFIG_PROPERTY = "config";

    private static final String SOURCE_NAME = "agentobsConfigFile";

    /** Seed 000 names that differ from the environment variable they stand for. */
    private static final Map<String, String> ALIASES = Map.of(
            "GROUP_ID", "KAFKA_GROUP_ID",
            "CONSUMER_GROUP_ID", "KAFKA_GROUP_ID");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(CONFIG_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("--config file " + path.toAbsolutePath() + " does not exist or is not readable");
        }
        Map<String, Object> values = withEnvironmentNames(read(path));
        PropertySource<?> source = new MapPropertySource(SOURCE_NAME + " [" + path + "]", values);
        String systemEnv = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(systemEnv)) {
            environment.getPropertySources().addAfter(systemEnv, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    static Map<String, Object> read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                Map<String, Object> flat = new LinkedHashMap<>();
                flatten("", JsonMapper.shared().readValue(path.toFile(), Map.class), flat);
                return flat;
            }
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                Map<String, Object> flat = new LinkedHashMap<>();
                List<PropertySource<?>> docs = new YamlPropertySourceLoader().load(path.toString(), new FileSystemResource(path));
                for (PropertySource<?> doc : docs) {
                    EnumerablePropertySource<?> e = (EnumerablePropertySource<?>) doc;
                    for (String key : e.getPropertyNames()) {
                        flat.put(key, String.valueOf(e.getProperty(key)));
                    }
                }
                return flat;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read --config file " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot parse --config file " + path + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("--config file " + path + " must end in .json, .yml or .yaml");
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, value == null ? "" : value.toString());
        }
    }

    private static Map<String, Object> withEnvironmentNames(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        values.forEach((key, value) -> {
            if (key.matches("[a-z][a-z0-9_]*")) {
                String envName = key.toUpperCase(Locale.ROOT);
                out.putIfAbsent(envName, value);
                String alias = ALIASES.get(envName);
                if (alias != null) {
                    out.putIfAbsent(alias, value);
                }
            }
        });
        return out;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
