package io.github.codeartifact.actuate;

import io.github.codeartifact.autoconfigure.CodeArtifactClientRegion;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Works out the {@link CodeArtifactTarget} of the application from its {@link CodeArtifactProperties}
 * and the region of its {@link CodeartifactClient}. When the application defines its own provider and
 * has no properties bean, the {@code codeartifact.*} properties are read from the environment.
 */
final class CodeArtifactTargets {

	private CodeArtifactTargets() {
	}

	static CodeArtifactTarget resolve(ObjectProvider<CodeArtifactProperties> properties,
			ObjectProvider<CodeartifactClient> client, Environment environment) {
		CodeArtifactProperties props = properties.getIfAvailable(() -> bind(environment));
		String region = CodeArtifactClientRegion.of(client);
		return new CodeArtifactTarget(domain(props), props.getOwner(), (region != null) ? region : props.getRegion(),
				props.getDuration());
	}

	static String domain(ObjectProvider<CodeArtifactProperties> properties, Environment environment) {
		return domain(properties.getIfAvailable(() -> bind(environment)));
	}

	private static String domain(CodeArtifactProperties properties) {
		String domain = properties.getDomain();
		return (domain != null) ? domain : "";
	}

	private static CodeArtifactProperties bind(Environment environment) {
		return Binder.get(environment)
			.bind(CodeArtifactProperties.PREFIX, CodeArtifactProperties.class)
			.orElseGet(CodeArtifactProperties::new);
	}

}
