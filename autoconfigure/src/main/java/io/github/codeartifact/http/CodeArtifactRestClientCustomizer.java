package io.github.codeartifact.http;

import java.util.Objects;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Adds the {@link CodeArtifactAuthInterceptor} to the clients an application chooses. It is
 * deliberately not a Spring Boot {@code RestClientCustomizer}, so Boot does not apply it to every
 * {@code RestClient.Builder}; to apply it to all of them, declare
 * {@code @Bean RestClientCustomizer codeArtifact(CodeArtifactRestClientCustomizer c) { return c::customize; }}.
 */
public final class CodeArtifactRestClientCustomizer {

	private final CodeArtifactAuthInterceptor interceptor;

	/**
	 * Creates a customizer.
	 * @param interceptor the interceptor to add
	 */
	public CodeArtifactRestClientCustomizer(CodeArtifactAuthInterceptor interceptor) {
		this.interceptor = Objects.requireNonNull(interceptor, "interceptor must not be null");
	}

	/**
	 * Adds the interceptor to a builder, once.
	 * @param builder the builder
	 */
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptors((interceptors) -> {
			if (!interceptors.contains(this.interceptor)) {
				interceptors.add(this.interceptor);
			}
		});
	}

	/**
	 * Adds the interceptor to a template, once.
	 * @param restTemplate the template
	 */
	public void customize(RestTemplate restTemplate) {
		if (!restTemplate.getInterceptors().contains(this.interceptor)) {
			restTemplate.getInterceptors().add(this.interceptor);
		}
	}

	/**
	 * Returns a new {@link RestClient.Builder} with the interceptor.
	 * @return the builder
	 */
	public RestClient.Builder builder() {
		RestClient.Builder builder = RestClient.builder();
		customize(builder);
		return builder;
	}

	/**
	 * Returns the interceptor.
	 * @return the interceptor
	 */
	public CodeArtifactAuthInterceptor interceptor() {
		return this.interceptor;
	}

}
