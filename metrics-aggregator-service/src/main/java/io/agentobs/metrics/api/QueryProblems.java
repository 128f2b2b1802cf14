package io.agentobs.metrics.api;

import java.net.URI;

import io.lettuce.core.RedisException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query API's errors as RFC 9457 problems: 400 naming the parameter and its allowed values, 503 without Redis. */
@RestControllerAdvice(assignableTypes = MetricsQueryController.class)
public class QueryProblems {

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);
    private static final URI INVALID_PARAMETER = URI.create("urn:agentobs:problem:invalid-parameter");
    private static final URI REDIS_UNAVAILABLE = URI.create("urn:agentobs:problem:redis-unavailable");

    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Invalid parameter: " + e.parameter());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("value", e.value());
        problem.setProperty("allowed", e.allowed());
        return respond(problem);
    }

    @ExceptionHandler(RedisException.class)
    public ResponseEntity<ProblemDetail> redisUnavailable(RedisException e) {
        log.warn("Query failed, Redis unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Redis cannot be reached or did not answer in time; retry later");
        problem.setType(REDIS_UNAVAILABLE);
        problem.setTitle("Metrics store unavailable");
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
