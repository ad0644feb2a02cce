package io.github.codeartifact.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.codeartifact.test.CodeArtifactEmulator;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the in-process CodeArtifact emulator before the context refreshes, unless the {@code aws}
 * profile is active, and points the starter at it: {@code codeartifact.endpoint}, the domain, owner,
 * region and the sample's repository. The emulator is seeded with the Maven package
 * {@code com.example:demo-lib} and closed with the context (or when startup fails).
 * <p>
 * An initializer runs before any bean exists, so the endpoint is known when the starter's
 * fail-fast startup fetches the first token.
 */
public final class EmbeddedCodeArtifact implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The profile that uses the real AWS CodeArtifact instead of the emulator. */
	public static final String AWS_PROFILE = "aws";

	/** The name of the emulator bean and of the property source. */
	public static final String NAME = "embeddedCodeArtifact";

	static final String DOMAIN = "demo-domain";

	static final String OWNER = "111122223333";

	static final String REPOSITORY = "demo-repo";

	static final String REGION = "us-east-1";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(AWS_PROFILE))) {
			return;
		}
		CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, REPOSITORY)
			.region(REGION)
			.build();
		emulator.seedMavenPackage(DOMAIN, REPOSITORY, "com.example", "demo-lib", "1.0.0", "1.1.0", "2.0.0");
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
				emulator.close();
			}
		});
		context.getBeanFactory().registerSingleton(NAME, emulator);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("codeartifact.endpoint", emulator.endpoint().toString());
		properties.put("codeartifact.domain", DOMAIN);
		properties.put("codeartifact.owner", OWNER);
		properties.put("codeartifact.region", REGION);
		properties.put("sample.repository", REPOSITORY);
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
	}

}
