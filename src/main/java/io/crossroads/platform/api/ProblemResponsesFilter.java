package io.crossroads.platform.api;

import io.crossroads.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Documents the problem responses every operation can give, so they are stated once here instead of
 * on every resource method, and keeps the document standard OpenAPI 3.
 */
public class ProblemResponsesFilter implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    withoutEndpoints(openApi);
    if (openApi.getComponents() == null) {
      openApi.setComponents(OASFactory.createComponents());
    }
    openApi.getComponents().addSchema("Problem", problemSchema());
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi.getPaths().getPathItems().forEach((path, item) -> describe(path, item));
    uniqueOperationIds(openApi);
    uniqueTags(openApi);
  }

  /**
   * Operation ids come from method names, which resources share ({@code list}, {@code get});
   * OpenAPI requires them unique, so a shared one is qualified by its method and path.
   */
  private static void uniqueOperationIds(OpenAPI openApi) {
    Map<String, Integer> uses = new HashMap<>();
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                operations(item)
                    .forEach(
                        (method, operation) -> {
                          if (operation.getOperationId() != null) {
                            uses.merge(operation.getOperationId(), 1, Integer::sum);
                          }
                        }));
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                operations(item)
                    .forEach(
                        (method, operation) -> {
                          String id = operation.getOperationId();
                          if (id != null && uses.get(id) > 1) {
                            operation.setOperationId(
                                id
                                    + "_"
                                    + method.name().toLowerCase(Locale.ROOT)
                                    + "_"
                                    + path.replaceFirst("^/api/", "")
                                        .replaceAll("[^A-Za-z0-9]+", "_")
                                        .replaceAll("^_|_$", ""));
                          }
                        }));
  }

  private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
    return item.getOperations() == null ? Map.of() : item.getOperations();
  }

  /** Several resources share a tag: it is declared once, with the first description given. */
  private static void uniqueTags(OpenAPI openApi) {
    if (openApi.getTags() == null) {
      return;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : openApi.getTags()) {
      Tag first = byName.putIfAbsent(tag.getName(), tag);
      if (first != null && first.getDescription() == null) {
        first.setDescription(tag.getDescription());
      }
    }
    openApi.setTags(new ArrayList<>(byName.values()));
  }

  /**
   * Payara's document carries a top-level {@code endpoints} map, which OpenAPI 3 does not allow:
   * standard validators and code generators refuse the document with it. Empty, it is not written
   * (and Payara's merging of documents still finds a map).
   */
  private static void withoutEndpoints(OpenAPI openApi) {
    try {
      openApi
          .getClass()
          .getMethod("setEndpoints", Map.class)
          .invoke(openApi, new LinkedHashMap<>());
    } catch (NoSuchMethodException standard) {
      // A runtime that adds nothing of its own.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The OpenAPI document's endpoints could not be removed", e);
    }
  }

  private void describe(String path, PathItem item) {
    Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
    if (operations == null) {
      return;
    }
    operations.forEach(
        (method, operation) -> {
          APIResponses responses = operation.getResponses();
          if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
          }
          boolean writes = method != PathItem.HttpMethod.GET;
          add(responses, 401, "Not signed in");
          add(responses, 403, "Signed in but not allowed");
          add(responses, 500, "Unexpected failure; details are logged, not returned");
          add(
              responses,
              503,
              "The database or the identity provider cannot be reached for a moment;"
                  + " Retry-After says when to try again");
          add(responses, 400, "Malformed or invalid input, with errors[] for each field");
          if (path.contains("{")) {
            add(responses, 404, "Unknown, or not visible to the caller");
          }
          if (writes) {
            add(responses, 409, "A program rule or the resource's state refuses it");
            add(responses, 415, "Wrong media type");
          }
          if (method == PathItem.HttpMethod.POST && path.equals("/api/requests")) {
            add(responses, 422, ProblemType.IDEMPOTENCY_KEY_REUSED.title());
          }
        });
  }

  private static void add(APIResponses responses, int status, String description) {
    String code = Integer.toString(status);
    if (responses.hasAPIResponse(code)) {
      return;
    }
    responses.addAPIResponse(
        code,
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
  }

  private static Schema problemSchema() {
    Schema string = OASFactory.createSchema().type(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .addProperty("field", string)
            .addProperty("message", string);
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description(
                    "/problems/{slug}, one slug per refusal, e.g. /problems/slot-not-proposed"))
        .addProperty("title", string)
        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
        .addProperty("detail", string)
        .addProperty("instance", string)
        .addProperty(
            "errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError));
  }
}
