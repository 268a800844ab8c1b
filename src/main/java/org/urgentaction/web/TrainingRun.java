package org.urgentaction.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run for the JVM's AOT cache ({@code -XX:AOTCacheOutput}, see the README): with
 * {@code urgent-action.training-run=true} the app, once ready, asks itself for the pages a supporter
 * opens first and exits. The cache then also holds what serving them loads and links, so a prepared
 * start answers its first request sooner than from a cache of the start alone.
 */
@Component
@ConditionalOnBooleanProperty("urgent-action.training-run")
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final Pattern APPEAL_LINK = Pattern.compile("href=\"(/appeals/[a-z0-9-]+)\"");

    @EventListener
    void trainThenExit(ApplicationReadyEvent ready) throws InterruptedException {
        WebServerApplicationContext context = (WebServerApplicationContext) ready.getApplicationContext();
        List<String> visited = visit(context.getWebServer().getPort());
        log.info("Training run: asked for {}; exiting", visited);
        System.exit(SpringApplication.exit(ready.getApplicationContext()));
    }

    /** The list, the first appeal on it and its letter page, and the staff login; each path with its status. */
    static List<String> visit(int port) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> visited = new ArrayList<>();
        String list = get(http, port, "/appeals", visited);
        Matcher appeal = APPEAL_LINK.matcher(list);
        if (appeal.find()) {
            get(http, port, appeal.group(1), visited);
            get(http, port, appeal.group(1) + "/write", visited);
        }
        get(http, port, "/login", visited);
        return visited;
    }

    private static String get(HttpClient http, int port, String path, List<String> visited)
            throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            visited.add(path + " " + response.statusCode());
            return response.body();
        } catch (IOException unanswered) {
            visited.add(path + " " + unanswered.getMessage());
            return "";
        }
    }
}
