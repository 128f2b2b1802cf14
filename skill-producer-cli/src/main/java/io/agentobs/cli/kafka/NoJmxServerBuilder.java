package io.agentobs.cli.kafka;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A JMX server builder whose servers accept and forget every registration. The Kafka client registers an app-info
 * MBean on the platform server, which otherwise creates and introspects every platform MXBean: 60–90 ms of a
 * one-event publish, for beans nobody reads in a process that lives a fraction of a second. Installed through the
 * standard {@code javax.management.builder.initial} system property by the CLI's main method only.
 */
public final class NoJmxServerBuilder extends MBeanServerBuilder {

    /** Makes the platform MBean server a no-op for this process, unless JMX was configured explicitly. */
    public static void install() {
        if (System.getProperty("javax.management.builder.initial") == null
                && System.getProperty("com.sun.management.jmxremote") == null) {
            System.setProperty("javax.management.builder.initial", NoJmxServerBuilder.class.getName());
        }
    }

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        return (MBeanServer) Proxy.newProxyInstance(MBeanServer.class.getClassLoader(),
                new Class<?>[] {MBeanServer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "registerMBean" -> new ObjectInstance((ObjectName) args[1], args[0].getClass().getName());
                    case "isRegistered" -> false;
                    case "getMBeanCount" -> 0;
                    case "queryNames", "queryMBeans" -> Set.of();
                    case "getDefaultDomain" -> defaultDomain == null ? "DefaultDomain" : defaultDomain;
                    case "getDomains" -> new String[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "NoJmxServer";
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
