package io.agentobs.dbwriter;

import io.agentobs.consumer.AgentobsApplication;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** db-writer-service: every event of the 8 topics into PostgreSQL, exactly once (SPEC §4.1). */
@SpringBootApplication
@EnableConfigurationProperties(DbWriterProperties.class)
public class DbWriterApplication {

    public static void main(String[] args) {
        AgentobsApplication.run(DbWriterApplication.class, args);
    }
}
