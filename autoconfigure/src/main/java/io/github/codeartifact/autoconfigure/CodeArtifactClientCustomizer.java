package io.github.codeartifact.autoconfigure;

import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;

/**
 * Callback to customize the auto-configured {@link software.amazon.awssdk.services.codeartifact.CodeartifactClient}
 * after the {@code codeartifact.*} properties were applied to its builder: a proxy, an execution
 * interceptor, other timeouts. Customizer beans are applied in {@link org.springframework.core.annotation.Order
 * order}. After them, the SDK's retries are turned off and the API call timeouts of
 * {@link CodeArtifactClientProperties} are set, unless a customizer set its own.
 */
@FunctionalInterface
public interface CodeArtifactClientCustomizer {

	/**
	 * Customizes the builder of the CodeArtifact client.
	 * @param builder the builder
	 */
	void customize(CodeartifactClientBuilder builder);

}
