package io.github.codeartifact.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.codeartifact.test.CodeArtifactEmulator;

/**
 * Starts a {@link CodeArtifactEmulator} for the application context of a Spring test (such
 * as a {@code @SpringBootTest}), and wires the starter to it: {@code codeartifact.endpoint},
 * {@code codeartifact.region}, {@code codeartifact.domain} and {@code codeartifact.owner}
 * point at the emulator, and a primary {@code AwsCredentialsProvider} bean signs with its
 * test key pair. The emulator is a bean, to {@code @Autowired} in the test to seed packages
 * and queue faults, and is closed with the context.
 * <p>
 * The domain, owner and repository are taken from this annotation, else from the
 * {@code codeartifact.domain} and {@code codeartifact.owner} properties of the test's
 * environment, else {@value CodeArtifactEmulator#DEFAULT_DOMAIN},
 * {@value CodeArtifactEmulator#DEFAULT_OWNER} and {@value CodeArtifactEmulator#DEFAULT_REPOSITORY}.
 *
 * @see CodeArtifactEmulatorInitializer the same for an {@code ApplicationContextRunner}
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCodeArtifactEmulator {

	/**
	 * The domain to create; empty for {@code codeartifact.domain} or the default.
	 * @return the domain name
	 */
	String domain() default "";

	/**
	 * The 12-digit account that owns the domain; empty for {@code codeartifact.owner} or the
	 * default.
	 * @return the owner account id
	 */
	String owner() default "";

	/**
	 * The repository to create in the domain; empty for the default.
	 * @return the repository name
	 */
	String repository() default "";

	/**
	 * The region requests must be signed for; empty for {@code codeartifact.region} or
	 * {@code us-east-1}.
	 * @return the region
	 */
	String region() default "";

}
