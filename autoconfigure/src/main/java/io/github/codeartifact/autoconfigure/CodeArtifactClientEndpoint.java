package io.github.codeartifact.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.endpoints.CodeartifactEndpointParams;
import software.amazon.awssdk.services.codeartifact.endpoints.CodeartifactEndpointProvider;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * The endpoint the application's {@link CodeartifactClient} calls and where it came from
 * ({@code codeartifact.endpoint} and its origin, a customizer, or the region's default), for the
 * startup failure analysis.
 */
final class CodeArtifactClientEndpoint {

	static final String PROPERTY = CodeArtifactProperties.PREFIX + ".endpoint";

	private CodeArtifactClientEndpoint() {
	}

	/**
	 * Describes the endpoint of a client.
	 * @param client the client
	 * @param environment the environment, to say where {@code codeartifact.endpoint} was set
	 * @return the endpoint and where it came from, such as
	 * {@code http://127.0.0.1:8099 (codeartifact.endpoint from class path resource [application.properties] - 3:23)}
	 */
	static String describe(CodeartifactClient client, @Nullable Environment environment) {
		URI override = client.serviceClientConfiguration().endpointOverride().orElse(null);
		Region region = client.serviceClientConfiguration().region();
		if (override == null) {
			return defaultEndpoint(region) + " (the default endpoint of region " + region + ")";
		}
		ConfigurationProperty property = EnvironmentProperties.find(environment, PROPERTY);
		if (property == null) {
			return override + " (set by a CodeArtifactClientCustomizer or the application's CodeartifactClient)";
		}
		Origin origin = property.getOrigin();
		return override + " (" + PROPERTY + ((origin != null) ? ", " + origin : "") + ")";
	}

	private static String defaultEndpoint(@Nullable Region region) {
		try {
			return CodeartifactEndpointProvider.defaultProvider()
				.resolveEndpoint(CodeartifactEndpointParams.builder().region(region).build())
				.join()
				.url()
				.toString();
		}
		catch (RuntimeException ex) {
			return "(unresolved)";
		}
	}

}
