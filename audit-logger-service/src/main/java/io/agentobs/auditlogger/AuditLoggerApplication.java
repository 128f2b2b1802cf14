package io.agentobs.auditlogger;

import io.agentobs.consumer.AgentobsApplication;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** audit-logger-service: every record of the 8 topics archived to S3 as Parquet, exactly once (SPEC §4.5). */
@SpringBootApplication
@EnableConfigurationProperties(AuditLoggerProperties.class)
public class AuditLoggerApplication {

    public static void main(String[] args) {
        AgentobsApplication.run(AuditLoggerApplication.class, args);
    }
}
