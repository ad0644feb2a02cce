package io.github.codeartifact.actuate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Works out the {@link CodeArtifactTarget} of the application from its {@code codeartifact.*}
 * properties and the region of its {@link CodeartifactClient}.
 */
final class CodeArtifactTargets {

	private CodeArtifactTargets() {
	}

	static CodeArtifactTarget resolve(Environment environment, ObjectProvider<CodeartifactClient> client) {
		Binder binder = Binder.get(environment);
		String domain = domain(environment);
		String owner = binder.bind("codeartifact.owner", String.class).orElse(null);
		Duration duration = binder.bind("codeartifact.duration", Duration.class).orElse(Duration.ofHours(12));
		String region = region(client.getIfAvailable());
		if (region == null) {
			region = binder.bind("codeartifact.region", String.class).orElse(null);
		}
		return new CodeArtifactTarget(domain, owner, region, duration);
	}

	static String domain(Environment environment) {
		return Binder.get(environment).bind("codeartifact.domain", String.class).orElse("");
	}

	private static @Nullable String region(@Nullable CodeartifactClient client) {
		if (client == null) {
			return null;
		}
		Region region = client.serviceClientConfiguration().region();
		return (region != null) ? region.id() : null;
	}

}
