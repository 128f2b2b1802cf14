package io.agentobs.infra.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs on a service's HTTP port (health, Prometheus), for tests of the services. */
public final class ServiceHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceHttp() {
    }

    /** Status code of a GET, or -1 when nothing answers. */
    public static int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A GET; throws when nothing answers. */
    public static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one Prometheus sample line starting with {@code prefix}, or -1 when absent. */
    public static double metric(int port, String prefix) throws Exception {
        for (String line : get(port, "/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }
}
