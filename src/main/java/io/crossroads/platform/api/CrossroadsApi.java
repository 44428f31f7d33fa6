package io.crossroads.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API lives under /api; the portal's static pages around it. Every resource is a CDI bean,
 * whose constrained parameters Hibernate Validator's interceptor checks on each call; Jersey's own
 * check of the same parameters, before the call, would only repeat it, so it is off.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Crossroads",
            version = "1",
            description =
                "Internal-mobility informational interviews: employees meet leaders of other"
                    + " divisions. Errors are application/problem+json (RFC 9457)."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class CrossroadsApi extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.beanValidation.disable.server", true);
  }
}
