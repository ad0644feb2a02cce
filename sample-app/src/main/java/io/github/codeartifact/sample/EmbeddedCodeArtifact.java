package io.github.codeartifact.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.codeartifact.test.CodeArtifactEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the in-process CodeArtifact emulator before the context refreshes, unless
 * {@code sample.emulator.enabled} is {@code false} (as the {@code aws} profile sets it), and points
 * the starter at it: {@code codeartifact.endpoint}, the domain, owner, region and the sample's
 * repository, with the emulator's credentials ({@code test}/{@code test}) as the
 * {@link AwsCredentialsProvider} bean. The emulator is seeded with the Maven package
 * {@code com.example:demo-lib} and closed with the context (or when startup fails).
 * <p>
 * An initializer runs before any bean exists, so the endpoint is known when the starter's
 * fail-fast startup fetches the first token. It also runs, and decides, each time the application
 * starts, also when it was processed ahead of time: {@code @Profile} and {@code @Conditional} on a
 * bean are evaluated once, by the AOT processing, so an AOT-processed application would keep the
 * emulator's credentials under the {@code aws} profile. The AOT processing itself starts no emulator.
 */
public final class EmbeddedCodeArtifact implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Whether the sample uses the emulator; {@code false} uses the real AWS CodeArtifact. */
	public static final String ENABLED_PROPERTY = "sample.emulator.enabled";

	/** The name of the emulator's credentials provider bean. */
	public static final String CREDENTIALS_NAME = "emulatorCredentialsProvider";

	/** The name of the emulator bean and of the property source. */
	public static final String NAME = "embeddedCodeArtifact";

	static final String DOMAIN = "demo-domain";

	static final String OWNER = "111122223333";

	static final String REPOSITORY = "demo-repo";

	static final String REGION = "us-east-1";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)
				|| Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
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
		context.getBeanFactory()
			.registerSingleton(CREDENTIALS_NAME, StaticCredentialsProvider.create(AwsBasicCredentials
				.create(CodeArtifactEmulator.TEST_ACCESS_KEY_ID, CodeArtifactEmulator.TEST_SECRET_ACCESS_KEY)));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("codeartifact.endpoint", emulator.endpoint().toString());
		properties.put("codeartifact.domain", DOMAIN);
		properties.put("codeartifact.owner", OWNER);
		properties.put("codeartifact.region", REGION);
		properties.put("sample.repository", REPOSITORY);
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
	}

}
