package io.github.codeartifact.test.context;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.codeartifact.test.CodeArtifactEmulator;

/**
 * What to start an emulator with: each value given, or else taken from the environment's
 * {@code codeartifact.*} properties, or else the default. A record, so that the test context
 * cache shares a context between tests only when their settings are equal.
 *
 * @param domain the domain, or {@code null}
 * @param owner the owner account id, or {@code null}
 * @param repository the repository, or {@code null}
 * @param region the region, or {@code null}
 */
record EmulatorSettings(@Nullable String domain, @Nullable String owner, @Nullable String repository,
		@Nullable String region) {

	static final String DEFAULT_REGION = "us-east-1";

	static EmulatorSettings of(AutoConfigureCodeArtifactEmulator annotation) {
		return new EmulatorSettings(emptyToNull(annotation.domain()), emptyToNull(annotation.owner()),
				emptyToNull(annotation.repository()), emptyToNull(annotation.region()));
	}

	String resolvedDomain(Environment environment) {
		return resolve(this.domain, environment, "codeartifact.domain", CodeArtifactEmulator.DEFAULT_DOMAIN);
	}

	String resolvedOwner(Environment environment) {
		return resolve(this.owner, environment, "codeartifact.owner", CodeArtifactEmulator.DEFAULT_OWNER);
	}

	String resolvedRepository() {
		return (this.repository != null) ? this.repository : CodeArtifactEmulator.DEFAULT_REPOSITORY;
	}

	String resolvedRegion(Environment environment) {
		return resolve(this.region, environment, "codeartifact.region", DEFAULT_REGION);
	}

	private static String resolve(@Nullable String given, Environment environment, String property,
			String fallback) {
		if (given != null) {
			return given;
		}
		String configured = environment.getProperty(property);
		return StringUtils.hasText(configured) ? configured : fallback;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
