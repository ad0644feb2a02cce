package io.github.codeartifact.test.context;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import io.github.codeartifact.test.CodeArtifactEmulator;

/**
 * Starts a {@link CodeArtifactEmulator} for an application context and wires the starter to
 * it, as {@link AutoConfigureCodeArtifactEmulator} does for a {@code @SpringBootTest}: for an
 * {@code ApplicationContextRunner} or any {@link GenericApplicationContext}.
 *
 * <pre class="code">
 * new ApplicationContextRunner()
 *     .withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
 *     .withInitializer(new CodeArtifactEmulatorInitializer())
 *     .run((context) -&gt; {
 *         CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
 *         // ...
 *     });
 * </pre>
 */
public final class CodeArtifactEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The name of the emulator's bean.
	 */
	public static final String EMULATOR_BEAN_NAME = "codeArtifactEmulator";

	/**
	 * The name of the primary {@link AwsCredentialsProvider} bean with the emulator's key pair.
	 */
	public static final String CREDENTIALS_BEAN_NAME = "codeArtifactEmulatorCredentialsProvider";

	/**
	 * The name of the property source with the {@code codeartifact.*} properties.
	 */
	public static final String PROPERTY_SOURCE_NAME = "codeArtifactEmulator";

	private final EmulatorSettings settings;

	/**
	 * Creates an initializer that takes the domain and owner from the {@code codeartifact.*}
	 * properties or the defaults.
	 */
	public CodeArtifactEmulatorInitializer() {
		this(new EmulatorSettings(null, null, null, null));
	}

	/**
	 * Creates an initializer for a domain and a repository in it.
	 * @param domain the domain
	 * @param owner the 12-digit account that owns it
	 * @param repository the repository
	 */
	public CodeArtifactEmulatorInitializer(String domain, String owner, String repository) {
		this(new EmulatorSettings(domain, owner, repository, null));
	}

	CodeArtifactEmulatorInitializer(EmulatorSettings settings) {
		this.settings = settings;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!(context instanceof GenericApplicationContext registry)) {
			throw new IllegalStateException("A CodeArtifact emulator can only be registered in a GenericApplicationContext, "
					+ "not in a " + context.getClass().getName() + ": use a Spring Boot test or an ApplicationContextRunner");
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		String domain = this.settings.resolvedDomain(environment);
		String owner = this.settings.resolvedOwner(environment);
		String region = this.settings.resolvedRegion(environment);
		CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain(domain, owner)
			.repository(domain, this.settings.resolvedRepository())
			.region(region)
			.build();
		// An AutoCloseable bean is closed with the context; registered first, it is destroyed last.
		registry.registerBean(EMULATOR_BEAN_NAME, CodeArtifactEmulator.class, () -> emulator);
		registry.registerBean(CREDENTIALS_BEAN_NAME, AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials
					.create(CodeArtifactEmulator.TEST_ACCESS_KEY_ID, CodeArtifactEmulator.TEST_SECRET_ACCESS_KEY)),
				(definition) -> definition.setPrimary(true));
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("codeartifact.endpoint", emulator.endpoint().toString(), "codeartifact.region", region,
							"codeartifact.domain", domain, "codeartifact.owner", owner)));
	}

}
