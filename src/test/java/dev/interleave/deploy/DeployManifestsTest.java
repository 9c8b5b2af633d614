package dev.interleave.deploy;

import static dev.interleave.deploy.Manifests.at;
import static dev.interleave.deploy.Manifests.labels;
import static dev.interleave.deploy.Manifests.map;
import static dev.interleave.deploy.Manifests.maps;
import static dev.interleave.deploy.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment files keep the promises the app depends on. No Kubernetes schema validator runs in the build
 * (deploy/validate.sh does that where node is installed), so these are the invariants that matter to Interleave:
 * probes on the SmallRye endpoints, room to drain runs on shutdown, non-root, selectors and references that
 * resolve. Runs from the project directory (Surefire's working directory).
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static Manifests k8s;

    @BeforeAll
    static void load() throws IOException {
        assertThat(K8S).as("deploy/k8s (tests run from the project directory)").isDirectory();
        try (Stream<Path> files = Files.list(K8S)) {
            k8s = Manifests.load(
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        }
    }

    @Test
    void kustomizationListsEveryManifestAndNothingMissing() throws IOException {
        var kustomization = k8s.ofKind("Kustomization");
        assertThat(kustomization).hasSize(1);
        List<String> resources = ((List<?>) kustomization.get(0).get("resources"))
                .stream().map(String::valueOf).toList();
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(resources)
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> f.getFileName().toString())
                                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                                    .toList());
        }
    }

    @Test
    void deploymentIsReplicatedProbedBoundedAndDrainsRuns() {
        var deployment = k8s.get("Deployment", "interleave");
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        var pod = map(at(deployment, "spec", "template", "spec"));
        var container = maps(pod.get("containers")).get(0);

        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
        if (container.containsKey("startupProbe")) {
            assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
        }
        for (String limit : List.of("requests", "limits")) {
            assertThat(map(at(container, "resources", limit))).as(limit).containsKeys("cpu", "memory");
        }
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        Duration deadline =
                duration(text(at(k8s.get("ConfigMap", "interleave-config"), "data", "INTERLEAVE_RUNS_DEADLINE")));
        assertThat(grace).isGreaterThanOrEqualTo(40).isGreaterThanOrEqualTo((int) deadline.toSeconds() + 10);
        assertThat(at(container, "lifecycle", "preStop")).as("preStop").isNotNull();
    }

    @Test
    void everyWorkloadRunsAsNonRoot() {
        for (var workload : workloads()) {
            var pod = map(at(workload, "spec", "template", "spec"));
            assertThat(at(pod, "securityContext", "runAsNonRoot"))
                    .as(name(workload))
                    .isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext", "runAsUser"))
                    .as(name(workload))
                    .isPositive();
            for (var container : maps(pod.get("containers"))) {
                assertThat(at(container, "securityContext", "allowPrivilegeEscalation"))
                        .isEqualTo(false);
            }
        }
    }

    @Test
    void servicesAndDisruptionBudgetSelectTheirPods() {
        var podLabels = labels(at(k8s.get("Deployment", "interleave"), "spec", "template", "metadata", "labels"));
        var appService = k8s.get("Service", "interleave");
        assertThat(podLabels).containsAllEntriesOf(labels(at(appService, "spec", "selector")));
        var pdb = k8s.get("PodDisruptionBudget", "interleave");
        assertThat(at(pdb, "spec", "minAvailable")).isEqualTo(1);
        assertThat(podLabels).containsAllEntriesOf(labels(at(pdb, "spec", "selector", "matchLabels")));

        var containerPorts = maps(at(k8s.get("Deployment", "interleave"), "spec", "template", "spec", "containers"))
                .get(0)
                .get("ports");
        var portNames = maps(containerPorts).stream().map(p -> p.get("name")).toList();
        maps(at(appService, "spec", "ports")).forEach(p -> assertThat(portNames).contains(p.get("targetPort")));

        for (var statefulSet : k8s.ofKind("StatefulSet")) {
            var governing = k8s.get("Service", text(at(statefulSet, "spec", "serviceName")));
            assertThat(labels(at(statefulSet, "spec", "template", "metadata", "labels")))
                    .containsAllEntriesOf(labels(at(governing, "spec", "selector")));
            // The app's PDB must not also count database pods.
            assertThat(labels(at(statefulSet, "spec", "template", "metadata", "labels")))
                    .doesNotContainEntry("app.kubernetes.io/component", "server");
        }
    }

    @Test
    void ingressKeepsWebSocketsOpenAndRoutesToTheService() {
        var ingress = k8s.get("Ingress", "interleave");
        var annotations = labels(at(ingress, "metadata", "annotations"));
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .isGreaterThanOrEqualTo(300);
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout")))
                .isGreaterThanOrEqualTo(300);
        assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-http-version"))
                .isEqualTo("1.1");
        for (var rule : maps(at(ingress, "spec", "rules"))) {
            for (var path : maps(at(rule, "http", "paths"))) {
                var service = k8s.get("Service", text(at(path, "backend", "service", "name")));
                var portNames = maps(at(service, "spec", "ports")).stream()
                        .map(p -> p.get("name"))
                        .toList();
                assertThat(portNames).contains(at(path, "backend", "service", "port", "name"));
            }
        }
    }

    @Test
    void autoscalerTargetsTheDeploymentOnCpu() {
        var hpa = k8s.get("HorizontalPodAutoscaler", "interleave");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(at(hpa, "spec", "scaleTargetRef")))
                .containsEntry("apiVersion", "apps/v1")
                .containsEntry("kind", "Deployment")
                .containsEntry("name", "interleave");
        assertThat(maps(at(hpa, "spec", "metrics"))).anySatisfy(m -> {
            assertThat(m.get("type")).isEqualTo("Resource");
            assertThat(at(m, "resource", "name")).isEqualTo("cpu");
        });
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) at(hpa, "spec", "maxReplicas"))
                .isGreaterThanOrEqualTo((Integer) at(hpa, "spec", "minReplicas"));
    }

    @Test
    void everyConfigMapAndSecretReferenceResolves() {
        var config = map(at(k8s.get("ConfigMap", "interleave-config"), "data"));
        assertThat(config)
                .containsKeys(
                        "INTERLEAVE_RUNS_MAX_CONCURRENT",
                        "INTERLEAVE_RUNS_QUEUE_SIZE",
                        "INTERLEAVE_RUNS_DEADLINE",
                        "INTERLEAVE_HTTP_ALLOWED_ORIGINS",
                        "QUARKUS_DATASOURCE_REACTIVE_URL",
                        "QUARKUS_DATASOURCE_JDBC_URL");
        int references = 0;
        for (var workload : workloads()) {
            for (var container : maps(at(workload, "spec", "template", "spec", "containers"))) {
                for (var source : maps(container.get("envFrom"))) {
                    references++;
                    if (source.containsKey("configMapRef")) {
                        assertThat(k8s.has("ConfigMap", text(at(source, "configMapRef", "name"))))
                                .isTrue();
                    } else {
                        assertThat(k8s.has("Secret", text(at(source, "secretRef", "name"))))
                                .isTrue();
                    }
                }
                for (var env : maps(container.get("env"))) {
                    references += checkKeyRef(env, "configMapKeyRef", "ConfigMap", "data");
                    references += checkKeyRef(env, "secretKeyRef", "Secret", "stringData");
                }
            }
        }
        assertThat(references).isGreaterThanOrEqualTo(3);
    }

    private int checkKeyRef(Map<String, Object> env, String refKind, String kind, String dataField) {
        Object ref = at(env, "valueFrom", refKind);
        if (ref == null) {
            return 0;
        }
        var target = k8s.get(kind, text(at(ref, "name")));
        Map<String, Object> data = target.containsKey(dataField) ? map(target.get(dataField)) : map(target.get("data"));
        assertThat(data).as("%s of %s", refKind, env.get("name")).containsKey(text(at(ref, "key")));
        return 1;
    }

    @Test
    void composeStartsTheAppOnlyAfterAHealthyPostgres() throws IOException {
        var compose =
                Manifests.load(List.of(DEPLOY.resolve("compose.yaml"))).all().get(0);
        var app = map(at(compose, "services", "app"));
        var postgres = map(at(compose, "services", "postgres"));
        assertThat(at(app, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
        assertThat(at(postgres, "healthcheck", "test")).isNotNull();
        assertThat(text(postgres.get("image"))).startsWith("postgres:16");
        assertThat(map(app.get("environment")))
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://postgres:5432/interleave")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/interleave")
                .containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        assertThat(at(app, "build", "dockerfile")).isEqualTo("deploy/Containerfile");
    }

    @Test
    void containerfileBuildsOnAJdkAndRunsOnAJre21AsNonRoot() throws IOException {
        // Join continuation lines, then split into instructions of the last (runtime) stage.
        String file = Files.readString(DEPLOY.resolve("Containerfile")).replaceAll("\\\\\\n", " ");
        List<String> instructions = file.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        List<String> froms =
                instructions.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(javaVersion(froms.get(0), "jdk")).isGreaterThanOrEqualTo(21);
        assertThat(javaVersion(froms.get(froms.size() - 1), "jre")).isGreaterThanOrEqualTo(21);

        var runtime = instructions.subList(instructions.lastIndexOf(froms.get(froms.size() - 1)), instructions.size());
        var users = runtime.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1).substring(5).strip()).doesNotMatch("(root|0)(:.*)?");
        assertThat(runtime).anyMatch(l -> l.startsWith("COPY") && l.contains("target/quarkus-app/"));
        assertThat(runtime).anyMatch(l -> l.equals("EXPOSE 8080"));
        assertThat(runtime).anyMatch(l -> l.startsWith("HEALTHCHECK") && l.contains("/q/health/ready"));
        assertThat(runtime).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("-XX:MaxRAMPercentage"));
        assertThat(instructions).anyMatch(l -> l.startsWith("RUN") && l.contains("mvnw"));
    }

    private static int javaVersion(String from, String flavour) {
        Matcher m = Pattern.compile("FROM eclipse-temurin:(\\d+)-" + flavour + "\\b.*")
                .matcher(from);
        assertThat(m.matches())
                .as("%s is an eclipse-temurin %s image", from, flavour)
                .isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<Map<String, Object>> workloads() {
        var workloads = new java.util.ArrayList<>(k8s.ofKind("Deployment"));
        workloads.addAll(k8s.ofKind("StatefulSet"));
        assertThat(workloads).isNotEmpty();
        return workloads;
    }

    private static String name(Map<String, Object> object) {
        return object.get("kind") + " " + at(object, "metadata", "name");
    }

    /** Quarkus-style durations as the ConfigMap writes them: 30s, 2m, 500ms. */
    private static Duration duration(String text) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m)").matcher(text);
        assertThat(m.matches()).as("duration %s", text).isTrue();
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
