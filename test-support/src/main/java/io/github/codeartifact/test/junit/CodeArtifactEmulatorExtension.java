package io.github.codeartifact.test.junit;

import java.util.Objects;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.codeartifact.test.CodeArtifactEmulator;

/**
 * Injects a running {@link CodeArtifactEmulator} into test methods, lifecycle methods and
 * constructors, and closes it when its scope ends: one emulator per test method (shared with
 * its {@code @BeforeEach} and {@code @AfterEach} methods), or one per class when a constructor
 * or {@code @BeforeAll} method asks for it first.
 * <p>
 * With {@code @ExtendWith(CodeArtifactEmulatorExtension.class)} the emulator has domain
 * {@value CodeArtifactEmulator#DEFAULT_DOMAIN} (owner {@value CodeArtifactEmulator#DEFAULT_OWNER})
 * and repository {@value CodeArtifactEmulator#DEFAULT_REPOSITORY}; register an instance with
 * {@code @RegisterExtension} to build it differently.
 *
 * <pre class="code">
 * &#64;ExtendWith(CodeArtifactEmulatorExtension.class)
 * class MyTests {
 *
 *     &#64;Test
 *     void fetchesAToken(CodeArtifactEmulator emulator) {
 *         // point a client at emulator.endpoint() with credentials test/test
 *     }
 *
 * }
 * </pre>
 */
public final class CodeArtifactEmulatorExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(CodeArtifactEmulatorExtension.class);

	private final Supplier<CodeArtifactEmulator> factory;

	/**
	 * Creates an extension that starts emulators with the default domain and repository.
	 */
	public CodeArtifactEmulatorExtension() {
		this(() -> CodeArtifactEmulator.builder()
			.domain(CodeArtifactEmulator.DEFAULT_DOMAIN, CodeArtifactEmulator.DEFAULT_OWNER)
			.repository(CodeArtifactEmulator.DEFAULT_DOMAIN, CodeArtifactEmulator.DEFAULT_REPOSITORY)
			.build());
	}

	/**
	 * Creates an extension that starts emulators with a factory, such as
	 * {@code () -> CodeArtifactEmulator.builder().domain("acme", "123456789012").build()}.
	 * @param factory starts one emulator each time it is called
	 */
	public CodeArtifactEmulatorExtension(Supplier<CodeArtifactEmulator> factory) {
		this.factory = Objects.requireNonNull(factory, "factory");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CodeArtifactEmulator.class;
	}

	@Override
	public CodeArtifactEmulator resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		for (ExtensionContext scope = extensionContext; scope != null; scope = scope.getParent().orElse(null)) {
			RunningEmulator running = scope.getStore(NAMESPACE).get(RunningEmulator.class, RunningEmulator.class);
			if (running != null) {
				return running.emulator();
			}
		}
		return extensionContext.getStore(NAMESPACE)
			.getOrComputeIfAbsent(RunningEmulator.class, (key) -> new RunningEmulator(this.factory.get()),
					RunningEmulator.class)
			.emulator();
	}

	/**
	 * Closes the emulator when JUnit closes the store of its scope (JUnit closes the
	 * {@link AutoCloseable} values of a store, since 5.13).
	 */
	private record RunningEmulator(CodeArtifactEmulator emulator) implements AutoCloseable {

		@Override
		public void close() {
			this.emulator.close();
		}

	}

}
