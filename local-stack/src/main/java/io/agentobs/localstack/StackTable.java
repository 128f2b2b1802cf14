package io.agentobs.localstack;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.infra.InfraStack;
import io.agentobs.infra.PostgresServer;
import io.agentobs.infra.S3Server;

/** The one table the stack prints once it is up: what runs where, with credentials and each service's URLs. */
final class StackTable {

    private static final String[] HEADER = {"component", "where", "notes"};

    private StackTable() {
    }

    /** The table as text, one row per address. */
    static String render(InfraStack stack, Fleet fleet, LocalStackStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kafka", stack.kafka().bootstrapServers(),
                "bootstrap servers; " + status.kafkaData()});
        PostgresServer postgres = stack.postgres();
        rows.add(new String[] {"postgres", postgres.jdbcUrl(),
                "user " + postgres.username() + ", password " + postgres.password()});
        rows.add(new String[] {"redis", stack.redis().uri().toString(), ""});
        S3Server s3 = stack.s3();
        rows.add(new String[] {"s3", s3.endpoint().toString(), "bucket " + InfraStack.AUDIT_BUCKET
                + ", access key " + s3.accessKey() + ", secret key " + s3.secretKey() + ", path-style, region "
                + s3.region()});
        for (ServiceInstance instance : fleet.running()) {
            String base = "http://localhost:" + instance.port();
            rows.add(new String[] {instance.service().module(), base + ServiceInstance.READINESS_PATH,
                    "health " + instance.readiness() + ", pid " + instance.pid() + ", log " + instance.log()});
            rows.add(new String[] {"", base + "/actuator/prometheus", "metrics"});
            for (FleetService.Page page : instance.service().pages()) {
                rows.add(new String[] {"", base + page.path(), page.label()});
            }
        }
        for (FleetService service : fleet.missing()) {
            rows.add(new String[] {service.module(), "-", "not started: no jar in " + service.module() + "/target"});
        }
        rows.add(new String[] {"data", status.dataDirectory().toString(), status.simulation()});
        return format(rows);
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            String[] row = all.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                text.append("-".repeat(widths[0] + widths[1] + widths[2] + 4)).append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
