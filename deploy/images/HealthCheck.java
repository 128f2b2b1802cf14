import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container healthcheck for images without a shell or curl: exits 0 when GET of the URL answers 200, 1 otherwise.
 * Compiled into the runtime layer (/opt/agentobs/HealthCheck.class) by deploy/images/runtime; docker-compose runs
 * {@code java -cp /opt/agentobs HealthCheck http://localhost:<port>/actuator/health/readiness}.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthCheck <url>");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(4)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(args[0] + ": " + e);
            System.exit(1);
        }
    }
}
