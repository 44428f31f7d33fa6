package io.crossroads.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossroads.platform.metrics.BusinessMetric;
import io.crossroads.platform.persistence.DatabaseMigration;
import io.crossroads.platform.problem.ProblemType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests in deploy/ read back into the typed Kubernetes model (fabric8), with no
 * field the model does not know, and wired to what the application reads and serves: every setting
 * it needs, its health endpoints, its port, its database, its identity provider.
 */
class ManifestsTest {

  static final Path DEPLOY = Path.of("deploy");
  static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The base and every overlay, each rendered as kubectl apply -k would. */
  static Stream<String> kustomizations() throws IOException {
    try (Stream<Path> overlays = Files.list(KUBERNETES.resolve("overlays"))) {
      return Stream.concat(
          Stream.of("base"),
          overlays.map(overlay -> "overlays/" + overlay.getFileName()).sorted().toList().stream())
          .toList()
          .stream();
    }
  }

  static Stream<String> overlays() throws IOException {
    return kustomizations().filter(k -> k.startsWith("overlays/"));
  }

  /** A rendered kustomization: the resources as trees and in the typed model. */
  record Rendered(String name, List<ObjectNode> trees, List<HasMetadata> typed) {

    static Rendered of(String kustomization) {
      List<ObjectNode> trees = Kustomize.render(KUBERNETES.resolve(kustomization));
      List<HasMetadata> typed = trees.stream().map(ManifestsTest::typed).toList();
      return new Rendered(kustomization, trees, typed);
    }

    <T extends HasMetadata> T one(Class<T> type) {
      List<T> found = typed.stream().filter(type::isInstance).map(type::cast).toList();
      assertThat(found).as("%s in %s", type.getSimpleName(), name).hasSize(1);
      return found.get(0);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A custom resource, as a tree. */
    JsonNode custom(String kind, String resourceName) {
      List<ObjectNode> found =
          trees.stream()
              .filter(t -> t.path("kind").asText().equals(kind))
              .filter(t -> t.path("metadata").path("name").asText().equals(resourceName))
              .toList();
      assertThat(found).as("%s %s in %s", kind, resourceName, name).hasSize(1);
      return found.get(0);
    }

    List<ObjectNode> customs(String kind) {
      return trees.stream().filter(t -> t.path("kind").asText().equals(kind)).toList();
    }

    Deployment deployment() {
      return one(Deployment.class);
    }

    Container container() {
      return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    Map<String, String> configMap(String configMapName) {
      return all(ConfigMap.class).stream()
          .filter(c -> c.getMetadata().getName().equals(configMapName))
          .findFirst()
          .orElseThrow(() -> new AssertionError("ConfigMap " + configMapName + " in " + name))
          .getData();
    }
  }

  /** One resource in the typed model; a resource of a kind the model lacks stays generic. */
  static HasMetadata typed(JsonNode tree) {
    HasMetadata resource;
    try {
      resource = SERIALIZATION.unmarshal(Kustomize.YAML.writeValueAsString(tree));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    if (!(resource instanceof GenericKubernetesResource)) {
      List<String> unknown = new ArrayList<>();
      unknownFields(resource, tree.path("kind").asText(), unknown);
      assertThat(unknown)
          .as(
              "fields the Kubernetes model does not know in %s %s",
              tree.path("kind"), tree.path("metadata").path("name"))
          .isEmpty();
    }
    return resource;
  }

  /** The fields the model kept aside as unknown ({@code additionalProperties}), anywhere. */
  static void unknownFields(Object value, String where, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        unknownFields(element, where + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, where + "." + k, unknown));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        Object fieldValue;
        try {
          fieldValue = field.get(value);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        if (field.getName().equals("additionalProperties")) {
          if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
            extra.keySet().forEach(key -> unknown.add(where + "." + key));
          }
        } else {
          unknownFields(fieldValue, where + "." + field.getName(), unknown);
        }
      }
    }
  }

  @Test
  void everyManifestFileParsesIntoTheTypedModelWithNoUnknownField() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      for (JsonNode document : Kustomize.documents(file)) {
        if (document.path("kind").asText().equals("Kustomization")) {
          continue;
        }
        assertThat(typed(document)).as(file.toString()).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everyResourceRendersIntoTheTypedModelAndOnlyTheOperatorsResourcesStayGeneric(
      String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    Set<String> generic =
        rendered.typed().stream()
            .filter(GenericKubernetesResource.class::isInstance)
            .map(r -> r.getApiVersion() + " " + r.getKind())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(generic)
        .containsExactly(
            "k8s.keycloak.org/v2alpha1 Keycloak",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup");
    assertThat(rendered.all(Deployment.class)).hasSize(1);
    assertThat(rendered.all(Service.class)).hasSize(1);
    assertThat(rendered.all(Ingress.class)).hasSize(1);
    assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(1);
    assertThat(rendered.all(HorizontalPodAutoscaler.class)).hasSize(1);
    assertThat(rendered.all(NetworkPolicy.class)).hasSize(1);
    // Secrets are created by hand or by the operators, never applied from the repository.
    assertThat(rendered.all(Secret.class)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void theIngressPassesNoConnectionUpgradeOnToThePods(String kustomization) {
    Ingress ingress = Rendered.of(kustomization).one(Ingress.class);
    // Without "Upgrade" in Connection, the listener answers in HTTP/1.1 whatever Upgrade says.
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/connection-proxy-header", "keep-alive");
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void theServicePdbNetworkPolicyAndAutoscalerAllSelectTheDeploymentsPods(String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    Deployment deployment = rendered.deployment();
    Map<String, String> pods = deployment.getSpec().getTemplate().getMetadata().getLabels();

    assertSelects(deployment.getSpec().getSelector(), pods, "Deployment");
    assertThat(pods).containsAllEntriesOf(rendered.one(Service.class).getSpec().getSelector());
    assertThat(rendered.one(Service.class).getSpec().getSelector()).isNotEmpty();
    assertSelects(rendered.one(PodDisruptionBudget.class).getSpec().getSelector(), pods, "PDB");
    assertSelects(rendered.one(NetworkPolicy.class).getSpec().getPodSelector(), pods, "policy");

    HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
    assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
    // A disruption never takes more pods than the smallest scale can spare.
    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
    assertThat(rendered.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal())
        .isEqualTo(1);

    // The ingress reaches the Service on a port the Service has, which reaches the container.
    Service service = rendered.one(Service.class);
    Ingress ingress = rendered.one(Ingress.class);
    ingress.getSpec().getRules().stream()
        .flatMap(rule -> rule.getHttp().getPaths().stream())
        .map(path -> path.getBackend().getService())
        .forEach(
            backend -> {
              assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
              assertThat(service.getSpec().getPorts())
                  .anyMatch(port -> port.getName().equals(backend.getPort().getName()));
            });
    Set<String> containerPorts =
        rendered.container().getPorts().stream()
            .map(ContainerPort::getName)
            .collect(Collectors.toSet());
    service
        .getSpec()
        .getPorts()
        .forEach(port -> assertThat(containerPorts).contains(port.getTargetPort().getStrVal()));
  }

  static void assertSelects(LabelSelector selector, Map<String, String> labels, String what) {
    assertThat(selector.getMatchExpressions()).as(what).isNullOrEmpty();
    assertThat(selector.getMatchLabels()).as(what).isNotEmpty();
    assertThat(labels)
        .as(what + " selects the pods")
        .containsAllEntriesOf(selector.getMatchLabels());
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void probesAskMicroProfileHealthOnThePortTheApplicationServes(String kustomization) {
    Container container = Rendered.of(kustomization).container();
    assertProbe(container.getStartupProbe(), "/health/started", container);
    assertProbe(container.getReadinessProbe(), "/health/ready", container);
    assertProbe(container.getLivenessProbe(), "/health/live", container);
    // Payara Micro serves the application and /health on 8080, as the image exposes.
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(exposedPort()));
    // The application has checks for both: readiness asks the database, liveness does not.
    assertThat(healthChecks(Readiness.class)).isNotEmpty();
    assertThat(healthChecks(Liveness.class)).isNotEmpty();
  }

  static void assertProbe(Probe probe, String path, Container container) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    String port = probe.getHttpGet().getPort().getStrVal();
    assertThat(container.getPorts()).anyMatch(p -> p.getName().equals(port));
  }

  static int exposedPort() {
    try {
      Matcher expose =
          Pattern.compile("(?m)^EXPOSE\\s+(\\d+)")
              .matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
      assertThat(expose.find()).as("EXPOSE in the Dockerfile").isTrue();
      return Integer.parseInt(expose.group(1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static List<Class<?>> healthChecks(Class<? extends java.lang.annotation.Annotation> kind) {
    return applicationClasses().stream().filter(c -> c.isAnnotationPresent(kind)).toList();
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everyContainerHasCpuAndMemoryRequestedAndLimitedWithMemoryGuaranteed(String kustomization) {
    Container container = Rendered.of(kustomization).container();
    Map<String, Quantity> requests = container.getResources().getRequests();
    Map<String, Quantity> limits = container.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKeys("cpu", "memory");
    // The JVM sizes its heap from the limit: a pod never grows past what it was scheduled with.
    assertThat(Quantity.getAmountInBytes(requests.get("memory")))
        .isEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
    assertThat(Quantity.getAmountInBytes(requests.get("cpu")))
        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("cpu")));
  }

  /**
   * The fields of the operators' resources that their CRDs define (CloudNativePG 1.25+, Keycloak
   * operator 26), as far as these manifests use them; a path ending in {@code *} takes any field
   * below it (PostgreSQL parameters, the realm, Kubernetes types).
   */
  static final Map<String, Set<String>> CUSTOM_FIELDS =
      Map.of(
          "Cluster",
          Set.of(
              "spec.instances",
              "spec.imageName",
              "spec.primaryUpdateStrategy",
              "spec.affinity.enablePodAntiAffinity",
              "spec.affinity.topologyKey",
              "spec.bootstrap.initdb.database",
              "spec.bootstrap.initdb.owner",
              "spec.postgresql.parameters.*",
              "spec.storage.size",
              "spec.walStorage.size",
              "spec.resources.*",
              "spec.backup.retentionPolicy",
              "spec.backup.barmanObjectStore.destinationPath",
              "spec.backup.barmanObjectStore.s3Credentials.accessKeyId.*",
              "spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.*",
              "spec.backup.barmanObjectStore.wal.compression",
              "spec.backup.barmanObjectStore.data.compression"),
          "ScheduledBackup",
          Set.of("spec.schedule", "spec.backupOwnerReference", "spec.method", "spec.cluster.name"),
          "Keycloak",
          Set.of(
              "spec.instances",
              "spec.db.vendor",
              "spec.db.host",
              "spec.db.port",
              "spec.db.database",
              "spec.db.usernameSecret.*",
              "spec.db.passwordSecret.*",
              "spec.http.httpEnabled",
              "spec.hostname.hostname",
              "spec.hostname.backchannelDynamic",
              "spec.proxy.headers",
              "spec.ingress.enabled",
              "spec.ingress.className",
              "spec.ingress.tlsSecret",
              "spec.resources.*"),
          "KeycloakRealmImport",
          Set.of("spec.keycloakCRName", "spec.placeholders.*", "spec.realm.*"),
          "PodMonitor",
          Set.of("spec.selector.matchLabels.*", "spec.podMetricsEndpoints"),
          "PrometheusRule",
          Set.of("spec.groups"));

  @ParameterizedTest
  @MethodSource("kustomizations")
  void theOperatorsResourcesUseOnlyFieldsTheirDefinitionsHave(String kustomization) {
    assertOnlyKnownCustomFields(Rendered.of(kustomization));
  }

  static void assertOnlyKnownCustomFields(Rendered rendered) {
    for (ObjectNode tree : rendered.trees()) {
      Set<String> allowed = CUSTOM_FIELDS.get(tree.path("kind").asText());
      if (!(rendered.typed().get(rendered.trees().indexOf(tree))
          instanceof GenericKubernetesResource)) {
        continue;
      }
      assertThat(allowed).as("fields known for %s", tree.path("kind")).isNotNull();
      List<String> paths = new ArrayList<>();
      leafPaths(tree.path("spec"), "spec", paths);
      for (String path : paths) {
        assertThat(
                allowed.stream()
                    .anyMatch(
                        a ->
                            a.equals(path)
                                || a.endsWith(".*")
                                    && path.startsWith(a.substring(0, a.length() - 1))))
            .as("%s %s: %s", tree.path("kind"), tree.path("metadata").path("name"), path)
            .isTrue();
      }
    }
  }

  static void leafPaths(JsonNode node, String path, List<String> paths) {
    if (node.isObject() && node.size() > 0) {
      node.fields().forEachRemaining(f -> leafPaths(f.getValue(), path + "." + f.getKey(), paths));
    } else {
      paths.add(path);
    }
  }

  // --- settings ---------------------------------------------------------------------------

  /** A row of config/README.md's tables: key, environment variable, default. */
  record Setting(String key, String variable, String defaultValue) {
    boolean secret() {
      return key.endsWith("password") || key.endsWith("secret") || key.endsWith(".keys");
    }
  }

  /** The settings config/README.md documents, by key. */
  static Map<String, Setting> documentedSettings() throws IOException {
    String readme = Files.readString(Path.of("config", "README.md"));
    // Only deployment settings: the keys after this heading are the application's own.
    readme = readme.substring(0, readme.indexOf("## Keys the application sets itself"));
    Map<String, Setting> settings = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `(crossroads\\.[^`]+)` \\| `([A-Z0-9_]+)` \\| ([^|]*) \\|")
            .matcher(readme);
    while (row.find()) {
      settings.put(row.group(1), new Setting(row.group(1), row.group(2), row.group(3).strip()));
    }
    return settings;
  }

  /**
   * The keys the application reads: every {@code @ConfigProperty}, the database's keys that {@code
   * ConfiguredDataSource} reads through the Config API, and each abuse limit's two keys.
   */
  static Set<String> keysTheCodeReads() {
    Set<String> keys = new TreeSet<>();
    for (Class<?> type : applicationClasses()) {
      for (Field field : type.getDeclaredFields()) {
        Optional.ofNullable(field.getAnnotation(ConfigProperty.class))
            .ifPresent(c -> keys.add(c.name()));
      }
      for (Method method : type.getDeclaredMethods()) {
        for (var parameter : method.getParameters()) {
          Optional.ofNullable(parameter.getAnnotation(ConfigProperty.class))
              .ifPresent(c -> keys.add(c.name()));
        }
      }
      for (var constructor : type.getDeclaredConstructors()) {
        for (var parameter : constructor.getParameters()) {
          Optional.ofNullable(parameter.getAnnotation(ConfigProperty.class))
              .ifPresent(c -> keys.add(c.name()));
        }
      }
    }
    Class<?> database = load("io.crossroads.platform.persistence.DatabaseSettings");
    for (Field field : database.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        try {
          String value = (String) field.get(null);
          if (value.startsWith("crossroads.")) {
            keys.add(value);
          }
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    for (io.crossroads.platform.security.RateLimited.Kind kind :
        io.crossroads.platform.security.RateLimited.Kind.values()) {
      keys.add(kind.limitProperty());
      keys.add(kind.windowProperty());
    }
    return keys;
  }

  static List<Class<?>> applicationClasses() {
    Path classes = Path.of("target", "classes");
    try (Stream<Path> walk = Files.walk(classes.resolve("io/crossroads"))) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString())
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .map(ManifestsTest::load)
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ManifestsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void configReadmeDocumentsExactlyTheKeysTheCodeReadsWithTheirEnvironmentVariables()
      throws IOException {
    Map<String, Setting> documented = documentedSettings();
    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(keysTheCodeReads());
    documented
        .values()
        .forEach(
            setting ->
                assertThat(setting.variable())
                    .as(setting.key())
                    .isEqualTo(
                        setting.key().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)));
  }

  /**
   * Keys with no default that a deployment on PostgreSQL with Keycloak and mail must give. The
   * company's holidays have none either, but are the company's own choice and only seed the rules.
   */
  static Set<String> requiredKeys() throws IOException {
    return documentedSettings().values().stream()
        .filter(s -> s.defaultValue().startsWith("unset"))
        .map(Setting::key)
        .filter(key -> !key.equals("crossroads.program.holidays"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Where each environment variable of the container comes from: a value, a Secret or the
   * ConfigMap.
   */
  static Map<String, String> environment(Rendered rendered) {
    Container container = rendered.container();
    Map<String, String> sources = new HashMap<>();
    container
        .getEnvFrom()
        .forEach(
            from -> {
              assertThat(from.getConfigMapRef()).as("envFrom names a ConfigMap").isNotNull();
              rendered
                  .configMap(from.getConfigMapRef().getName())
                  .forEach((name, value) -> sources.put(name, "configmap"));
            });
    for (EnvVar variable : container.getEnv()) {
      assertThat(sources)
          .as("%s set twice", variable.getName())
          .doesNotContainKey(variable.getName());
      if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
        sources.put(variable.getName(), "secret");
      } else if (variable.getValue() != null) {
        sources.put(variable.getName(), "value");
      } else {
        throw new AssertionError(variable.getName() + " has neither a value nor a Secret");
      }
    }
    return sources;
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everySettingTheApplicationNeedsIsGivenSecretsFromSecretsAndEverySettingGivenIsOneItReads(
      String kustomization) throws IOException {
    Rendered rendered = Rendered.of(kustomization);
    Map<String, Setting> documented = documentedSettings();
    Map<String, String> environment = environment(rendered);

    for (String key : requiredKeys()) {
      Setting setting = documented.get(key);
      assertThat(environment)
          .as("%s (%s) is given", key, setting.variable())
          .containsKey(setting.variable());
    }
    Set<String> variables =
        documented.values().stream().map(Setting::variable).collect(Collectors.toSet());
    environment.forEach(
        (variable, source) -> {
          if (variable.startsWith("CROSSROADS_")) {
            assertThat(variables)
                .as("%s is a setting the application reads", variable)
                .contains(variable);
          }
        });
    documented.values().stream()
        .filter(Setting::secret)
        .filter(s -> environment.containsKey(s.variable()))
        .forEach(
            s -> assertThat(environment.get(s.variable())).as(s.variable()).isEqualTo("secret"));
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everySecretReadExistsAsDocumentedOrIsOneTheDatabaseOperatorCreates(String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    Map<String, Set<String>> available = new HashMap<>();
    for (JsonNode document : Kustomize.documents(KUBERNETES.resolve("base/secret.example.yaml"))) {
      Secret secret = (Secret) typed(document);
      available
          .computeIfAbsent(secret.getMetadata().getName(), n -> new HashSet<>())
          .addAll(secret.getStringData().keySet());
    }
    // CloudNativePG keeps the owner of each cluster's database in <cluster>-app.
    for (JsonNode cluster : rendered.customs("Cluster")) {
      available.put(
          cluster.path("metadata").path("name").asText() + "-app", Set.of("username", "password"));
    }

    List<String> references = new ArrayList<>();
    rendered
        .container()
        .getEnv()
        .forEach(
            variable -> {
              if (variable.getValueFrom() != null
                  && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                references.add(ref.getName() + "/" + ref.getKey());
              }
            });
    // Secret references in the operators' resources: {name, key} pairs anywhere in them.
    for (ObjectNode tree : rendered.trees()) {
      if (tree.path("apiVersion").asText().contains(".cnpg.io/")
          || tree.path("apiVersion").asText().startsWith("k8s.keycloak.org/")) {
        secretReferences(tree.path("spec"), references);
      }
    }
    assertThat(references).isNotEmpty();
    for (String reference : references) {
      String[] parts = reference.split("/");
      assertThat(available).as("Secret %s", parts[0]).containsKey(parts[0]);
      assertThat(available.get(parts[0])).as("key of %s", reference).contains(parts[1]);
    }
  }

  static void secretReferences(JsonNode node, List<String> references) {
    if (node.isObject()) {
      if (node.size() == 2 && node.has("name") && node.has("key")) {
        references.add(node.path("name").asText() + "/" + node.path("key").asText());
        return;
      }
      node.forEach(child -> secretReferences(child, references));
    } else if (node.isArray()) {
      node.forEach(child -> secretReferences(child, references));
    }
  }

  // --- PostgreSQL ---------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("kustomizations")
  void theApplicationUsesTheDatabaseOfItsPostgresClusterWhichTakesTheConnectionsOfEveryPod(
      String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    Map<String, String> config = rendered.configMap("crossroads");
    URI url = URI.create(config.get("CROSSROADS_DB_URL").substring("jdbc:".length()));
    assertThat(url.getScheme()).isEqualTo("postgresql");
    String clusterName = url.getHost().substring(0, url.getHost().length() - "-rw".length());
    assertThat(url.getHost()).isEqualTo(clusterName + "-rw");
    JsonNode cluster = rendered.custom("Cluster", clusterName).path("spec");
    assertThat(url.getPort()).isEqualTo(5432);
    assertThat(url.getPath())
        .isEqualTo("/" + cluster.path("bootstrap").path("initdb").path("database").asText());
    // The user is the database's owner, from the Secret the operator made for this cluster.
    rendered.container().getEnv().stream()
        .filter(v -> v.getName().startsWith("CROSSROADS_DB_"))
        .forEach(
            v ->
                assertThat(v.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(clusterName + "-app"));

    assertThat(cluster.path("instances").asInt()).isEqualTo(3);
    JsonNode store = cluster.path("backup").path("barmanObjectStore");
    assertThat(store.path("destinationPath").asText()).startsWith("s3://");
    assertThat(cluster.path("backup").path("retentionPolicy").asText()).matches("\\d+[dwm]");
    assertThat(
            rendered.customs("ScheduledBackup").stream()
                .map(b -> b.path("spec"))
                .filter(b -> b.path("cluster").path("name").asText().equals(clusterName))
                .toList())
        .singleElement()
        .satisfies(
            backup -> {
              assertThat(backup.path("schedule").asText().split(" ")).hasSize(6);
              assertThat(backup.path("method").asText()).isEqualTo("barmanObjectStore");
            });

    int perPod = DatabaseMigration.class.getAnnotation(DataSourceDefinition.class).maxPoolSize();
    int pods = rendered.one(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
    int maxConnections =
        Integer.parseInt(
            cluster.path("postgresql").path("parameters").path("max_connections").asText());
    assertThat(maxConnections)
        .as("max_connections for %d pods × %d connections, and ten to spare", pods, perPod)
        .isGreaterThanOrEqualTo(pods * perPod + 10);
  }

  // --- Keycloak -----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("kustomizations")
  void keycloakIssuesForTheIssuerTheApplicationTrustsAndTheSyncReachesItsService(
      String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    Map<String, String> config = rendered.configMap("crossroads");
    JsonNode realmImport = rendered.customs("KeycloakRealmImport").get(0).path("spec");
    String keycloakName = realmImport.path("keycloakCRName").asText();
    JsonNode keycloak = rendered.custom("Keycloak", keycloakName).path("spec");
    String realm = realmImport.path("realm").path("realm").asText();

    assertThat(config.get("CROSSROADS_OIDC_ISSUER"))
        .isEqualTo(keycloak.path("hostname").path("hostname").asText() + "/realms/" + realm);
    URI sync = URI.create(config.get("CROSSROADS_KEYCLOAK_URL"));
    assertThat(sync.getHost()).isEqualTo(keycloakName + "-service");
    assertThat(sync.getScheme()).isEqualTo("http");
    assertThat(keycloak.path("http").path("httpEnabled").asBoolean()).isTrue();
    assertThat(sync.getPort()).isEqualTo(keycloak.path("http").path("httpPort").asInt(8080));
    assertThat(config.getOrDefault("CROSSROADS_KEYCLOAK_REALM", "crossroads")).isEqualTo(realm);

    // Keycloak's database is a cluster of its own, reached with the Secret the operator made.
    String database = keycloak.path("db").path("host").asText();
    String clusterName = database.substring(0, database.length() - "-rw".length());
    assertThat(
            rendered
                .custom("Cluster", clusterName)
                .path("spec")
                .path("bootstrap")
                .path("initdb")
                .path("database")
                .asText())
        .isEqualTo(keycloak.path("db").path("database").asText());
    assertThat(keycloak.path("db").path("passwordSecret").path("name").asText())
        .isEqualTo(clusterName + "-app");
  }

  @Test
  void theRealmImportIsTheRealmFileWithoutItsSampleUsersAndFillsEveryPlaceholderFromSecrets()
      throws IOException {
    Rendered rendered = Rendered.of("base");
    JsonNode spec = rendered.customs("KeycloakRealmImport").get(0).path("spec");
    ObjectNode realm =
        (ObjectNode)
            Kustomize.YAML.readTree(
                Path.of("config", "keycloak", "crossroads-realm.json").toFile());
    var users = realm.withArray("users");
    for (int i = users.size() - 1; i >= 0; i--) {
      if (users.get(i).has("credentials")) {
        users.remove(i);
      }
    }
    assertThat(spec.path("realm")).isEqualTo(realm);
    assertThat(realm.path("users")).isNotEmpty();

    Set<String> placeholders = new TreeSet<>();
    Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(realm.toString());
    while (placeholder.find()) {
      placeholders.add(placeholder.group(1));
    }
    Set<String> filled = new TreeSet<>();
    spec.path("placeholders").fieldNames().forEachRemaining(filled::add);
    assertThat(filled).isEqualTo(placeholders);
    // The client secrets Keycloak gets are the ones the application presents.
    Map<String, String> fromSecrets = new HashMap<>();
    rendered.container().getEnv().stream()
        .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
        .forEach(
            v ->
                fromSecrets.put(
                    v.getName(),
                    v.getValueFrom().getSecretKeyRef().getName()
                        + "/"
                        + v.getValueFrom().getSecretKeyRef().getKey()));
    assertThat(secretOf(spec, "CROSSROADS_PORTAL_SECRET"))
        .isEqualTo(fromSecrets.get("CROSSROADS_OIDC_CLIENT_SECRET"));
    assertThat(secretOf(spec, "CROSSROADS_SYNC_SECRET"))
        .isEqualTo(fromSecrets.get("CROSSROADS_KEYCLOAK_CLIENT_SECRET"));
  }

  static String secretOf(JsonNode realmImport, String placeholder) {
    JsonNode secret = realmImport.path("placeholders").path(placeholder).path("secret");
    return secret.path("name").asText() + "/" + secret.path("key").asText();
  }

  // --- network ------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("kustomizations")
  void onlyTheIngressAndPrometheusGetInAndThePodsReachOnlyDnsPostgresKeycloakAndMail(
      String kustomization) {
    Rendered rendered = Rendered.of(kustomization);
    NetworkPolicy policy = rendered.one(NetworkPolicy.class);
    Map<String, String> config = rendered.configMap("crossroads");
    int served = rendered.container().getPorts().get(0).getContainerPort();

    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress())
        .allSatisfy(
            rule -> {
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(served));
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(peer -> assertThat(peer.getNamespaceSelector()).isNotNull());
            })
        .extracting(
            rule ->
                rule.getFrom()
                    .get(0)
                    .getNamespaceSelector()
                    .getMatchLabels()
                    .get("kubernetes.io/metadata.name"))
        .containsExactlyInAnyOrder("ingress-nginx", "monitoring");

    List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
    // Every rule names its peers: nothing is open to everywhere.
    assertThat(egress).allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
    assertThat(egress).allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());

    String database =
        URI.create(config.get("CROSSROADS_DB_URL").substring("jdbc:".length())).getHost();
    String clusterName = database.substring(0, database.length() - "-rw".length());
    assertThat(egressTo(egress, peer -> clusterName.equals(labels(peer).get("cnpg.io/cluster"))))
        .containsExactly(5432);
    URI sync = URI.create(config.get("CROSSROADS_KEYCLOAK_URL"));
    String keycloak = sync.getHost().substring(0, sync.getHost().length() - "-service".length());
    assertThat(
            egressTo(
                egress, peer -> keycloak.equals(labels(peer).get("app.kubernetes.io/instance"))))
        .containsExactly(sync.getPort());
    assertThat(egressTo(egress, peer -> "kube-dns".equals(labels(peer).get("k8s-app"))))
        .containsExactly(53, 53);
    assertThat(egressTo(egress, peer -> peer.getIpBlock() != null))
        .containsExactly(Integer.parseInt(config.get("CROSSROADS_MAIL_PORT")));
    assertThat(
            egressTo(
                egress, peer -> "ingress-nginx".equals(labels(peer).get("app.kubernetes.io/name"))))
        .as("the issuer's public URL, through the ingress controller")
        .containsExactly(443);
    assertThat(egress).hasSize(5);
  }

  static Map<String, String> labels(NetworkPolicyPeer peer) {
    return peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null
        ? Map.of()
        : peer.getPodSelector().getMatchLabels();
  }

  static List<Integer> egressTo(
      List<NetworkPolicyEgressRule> rules, java.util.function.Predicate<NetworkPolicyPeer> peer) {
    return rules.stream()
        .filter(rule -> rule.getTo().stream().anyMatch(peer))
        .flatMap(rule -> rule.getPorts().stream())
        .map(port -> port.getPort().getIntVal())
        .toList();
  }

  // --- monitoring ---------------------------------------------------------------------------

  /** The series kube-state-metrics publishes that the alerts ask for. */
  static final Set<String> CLUSTER_SERIES =
      Set.of("kube_deployment_status_replicas_available", "kube_deployment_spec_replicas");

  @Test
  void prometheusScrapesTheDeploymentsPodsOnTheApplicationsPortKeepingTheJobTag() {
    Rendered monitoring = Rendered.of("monitoring");
    assertThat(monitoring.trees())
        .extracting(tree -> tree.path("apiVersion").asText() + " " + tree.path("kind").asText())
        .containsExactlyInAnyOrder(
            "monitoring.coreos.com/v1 PodMonitor", "monitoring.coreos.com/v1 PrometheusRule");
    assertThat(monitoring.typed()).allMatch(GenericKubernetesResource.class::isInstance);
    assertOnlyKnownCustomFields(monitoring);

    Rendered base = Rendered.of("base");
    JsonNode podMonitor = monitoring.custom("PodMonitor", "crossroads").path("spec");
    Map<String, String> selector = new HashMap<>();
    podMonitor
        .path("selector")
        .path("matchLabels")
        .fields()
        .forEachRemaining(f -> selector.put(f.getKey(), f.getValue().asText()));
    assertThat(selector).isNotEmpty();
    assertThat(base.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(selector);
    JsonNode endpoint = podMonitor.path("podMetricsEndpoints");
    assertThat(endpoint).hasSize(1);
    assertThat(endpoint.get(0).path("port").asText())
        .isEqualTo(base.container().getPorts().get(0).getName());
    assertThat(endpoint.get(0).path("path").asText()).isEqualTo("/metrics");
    // The scheduled jobs' series carry a tag named as Prometheus' own target label.
    assertThat(BusinessMetric.JOB).isEqualTo("job");
    assertThat(endpoint.get(0).path("honorLabels").asBoolean()).isTrue();
  }

  @Test
  void everyAlertAsksOnlyForSeriesThatExistAndIsExplainedInTheOperationsGuide() throws IOException {
    Rendered monitoring = Rendered.of("monitoring");
    String deployment = Rendered.of("base").deployment().getMetadata().getName();
    String guide = Files.readString(Path.of("docs", "OPERATIONS.md"));
    Set<String> slugs =
        Stream.of(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet());
    Set<String> registered = DashboardTest.registeredSeries();
    List<JsonNode> rules = new ArrayList<>();
    monitoring
        .custom("PrometheusRule", "crossroads")
        .path("spec")
        .path("groups")
        .forEach(group -> group.path("rules").forEach(rules::add));
    assertThat(rules).isNotEmpty();
    Set<String> asked = new TreeSet<>();
    for (JsonNode rule : rules) {
      String alert = rule.path("alert").asText();
      String expr = rule.path("expr").asText();
      assertThat(alert).matches("Crossroads[A-Z][A-Za-z]+");
      assertThat(rule.path("labels").path("severity").asText())
          .as(alert)
          .isIn("warning", "critical");
      assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
      assertThat(rule.path("annotations").path("description").asText())
          .as(alert)
          .contains("docs/OPERATIONS.md, " + alert);
      assertThat(guide).as("the guide explains " + alert).contains("### " + alert + "\n");
      Matcher series = Pattern.compile("\\b(crossroads|kube)_[a-z0-9_]+").matcher(expr);
      while (series.find()) {
        asked.add(series.group());
        assertThat(series.group().startsWith("kube_") ? CLUSTER_SERIES : registered)
            .as("%s asks for %s", alert, series.group())
            .contains(series.group());
      }
      Matcher type = Pattern.compile("type=~?\"([^\"]+)\"").matcher(expr);
      while (type.find()) {
        assertThat(slugs).as(alert).containsAll(List.of(type.group(1).split("\\|")));
      }
      Matcher named = Pattern.compile("deployment=\"([^\"]+)\"").matcher(expr);
      while (named.find()) {
        assertThat(named.group(1)).as(alert).isEqualTo(deployment);
      }
    }
    // Readiness, the database and the identity provider away, unexpected failures, the outbox,
    // and the scheduled jobs each have an alert.
    assertThat(asked)
        .containsAll(CLUSTER_SERIES)
        .contains(
            BusinessMetric.PROBLEMS.series().get(0),
            BusinessMetric.OUTBOX_BACKLOG.series().get(0),
            BusinessMetric.OUTBOX_OLDEST_AGE.series().get(0),
            BusinessMetric.JOB_FAILURES.series().get(0),
            BusinessMetric.JOB_DURATION.series().get(1));
    String problems = String.join("\n", rules.stream().map(r -> r.path("expr").asText()).toList());
    assertThat(problems)
        .contains(
            "type=\"" + ProblemType.SERVICE_UNAVAILABLE.slug() + "\"",
            "type=\"" + ProblemType.IDENTITY_PROVIDER_UNAVAILABLE.slug() + "\"",
            "type=\"" + ProblemType.INTERNAL_ERROR.slug() + "\"");
  }

  // --- demo mode and scale -------------------------------------------------------------------

  @Test
  void neitherTheManifestsNorTheImageEverTurnDemoModeOn() throws IOException {
    try (Stream<Path> files = Files.walk(KUBERNETES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file).toLowerCase(Locale.ROOT))
            .as(file.toString())
            .doesNotContain("crossroads_demo", "crossroads.demo");
      }
    }
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile")).toLowerCase(Locale.ROOT);
    assertThat(dockerfile)
        .doesNotContainPattern("crossroads[._]demo[._]enabled\\s*=\\s*\"?true")
        .doesNotContainPattern("crossroads[._]demo[._]enabled\\s+\"?true");
  }

  @Test
  void theLargeCompanyRunsMoreAndLargerPodsOverALargerDatabaseThanTheSmallOne() {
    Rendered small = Rendered.of("overlays/small");
    Rendered large = Rendered.of("overlays/large");
    assertThat(large.deployment().getSpec().getReplicas())
        .isGreaterThan(small.deployment().getSpec().getReplicas());
    assertThat(large.one(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas())
        .isGreaterThan(small.one(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas());
    assertThat(memory(large.container())).isGreaterThan(memory(small.container()));
    assertThat(
            Quantity.getAmountInBytes(
                new Quantity(
                    large
                        .custom("Cluster", "crossroads-db")
                        .path("spec")
                        .path("storage")
                        .path("size")
                        .asText())))
        .isGreaterThan(
            Quantity.getAmountInBytes(
                new Quantity(
                    small
                        .custom("Cluster", "crossroads-db")
                        .path("spec")
                        .path("storage")
                        .path("size")
                        .asText())));
  }

  static java.math.BigDecimal memory(Container container) {
    return Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"));
  }
}
