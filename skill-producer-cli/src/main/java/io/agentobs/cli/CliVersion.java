package io.agentobs.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code agentobs --version}: the jar's implementation version and the Java runtime. */
public final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"agentobs " + (version == null ? "development build" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
