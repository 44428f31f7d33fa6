package io.crossroads.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features the manifests
 * use: resources (files and directories) and inline JSON 6902 patches ({@code replace}, {@code
 * add}, {@code remove}) aimed by kind and name. Anything else in a kustomization fails the render,
 * so a manifest never means something here that it does not mean to kubectl.
 */
final class Kustomize {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches");

  private Kustomize() {}

  /** Every document of a YAML file, in order. */
  static List<JsonNode> documents(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class)
          .forEachRemaining(
              node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                  documents.add(node);
                }
              });
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** The resources the kustomization in {@code directory} produces. */
  static List<ObjectNode> render(Path directory) {
    JsonNode kustomization = documents(directory.resolve("kustomization.yaml")).get(0);
    kustomization
        .fieldNames()
        .forEachRemaining(
            field ->
                assertThat(FIELDS)
                    .as("kustomization field in " + directory + " that this renderer knows")
                    .contains(field));
    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = directory.resolve(resource.asText()).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(render(path));
      } else {
        documents(path).forEach(document -> resources.add((ObjectNode) document));
      }
    }
    for (JsonNode patch : kustomization.path("patches")) {
      String kind = patch.path("target").path("kind").asText();
      String name = patch.path("target").path("name").asText();
      List<ObjectNode> targets =
          resources.stream()
              .filter(r -> r.path("kind").asText().equals(kind))
              .filter(r -> r.path("metadata").path("name").asText().equals(name))
              .toList();
      assertThat(targets).as("the target of a patch: %s %s", kind, name).hasSize(1);
      try {
        for (JsonNode operation : YAML.readTree(patch.path("patch").asText())) {
          apply(targets.get(0), operation);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return resources;
  }

  /** One JSON 6902 operation; the path must exist, except for the last step of an add. */
  static void apply(ObjectNode resource, JsonNode operation) {
    String op = operation.path("op").asText();
    List<String> steps =
        List.of(operation.path("path").asText().substring(1).split("/")).stream()
            .map(step -> step.replace("~1", "/").replace("~0", "~"))
            .toList();
    JsonNode parent = resource;
    for (String step : steps.subList(0, steps.size() - 1)) {
      parent = parent.isArray() ? parent.path(Integer.parseInt(step)) : parent.path(step);
      assertThat(parent.isMissingNode()).as("path %s exists", operation.path("path")).isFalse();
    }
    String last = steps.get(steps.size() - 1);
    JsonNode value = operation.path("value");
    switch (op) {
      case "replace" -> {
        if (parent instanceof ArrayNode array) {
          array.set(Integer.parseInt(last), value);
        } else {
          assertThat(parent.has(last)).as("%s exists", operation.path("path")).isTrue();
          ((ObjectNode) parent).set(last, value);
        }
      }
      case "add" -> {
        if (parent instanceof ArrayNode array) {
          if (last.equals("-")) {
            array.add(value);
          } else {
            array.insert(Integer.parseInt(last), value);
          }
        } else {
          ((ObjectNode) parent).set(last, value);
        }
      }
      case "remove" -> {
        if (parent instanceof ArrayNode array) {
          array.remove(Integer.parseInt(last));
        } else {
          assertThat(((ObjectNode) parent).remove(last))
              .as("%s", operation.path("path"))
              .isNotNull();
        }
      }
      default -> throw new AssertionError("patch operation this renderer does not know: " + op);
    }
  }
}
