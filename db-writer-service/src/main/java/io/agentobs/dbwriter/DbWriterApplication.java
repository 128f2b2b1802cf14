package io.agentobs.dbwriter;

import java.util.Arrays;

import io.agentobs.consumer.AgentobsApplication;
import io.agentobs.dbwriter.reconcile.ReconcileCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** db-writer-service: every event of the 8 topics into PostgreSQL, exactly once (SPEC §4.1). */
@SpringBootApplication
@EnableConfigurationProperties(DbWriterProperties.class)
public class DbWriterApplication {

    /** Starts the service, or with {@code reconcile} as the first argument runs that command without Spring. */
    public static void main(String[] args) {
        if (args.length > 0 && ReconcileCommand.NAME.equals(args[0])) {
            System.exit(ReconcileCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        AgentobsApplication.run(DbWriterApplication.class, args);
    }
}
