package io.github.codeartifact.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts an emulator for the context of a test annotated with
 * {@link AutoConfigureCodeArtifactEmulator} (registered in {@code META-INF/spring.factories}).
 */
class CodeArtifactEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureCodeArtifactEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureCodeArtifactEmulator.class);
		return (annotation != null) ? new EmulatorContextCustomizer(EmulatorSettings.of(annotation)) : null;
	}

	/**
	 * A record: equal settings share a cached context.
	 */
	private record EmulatorContextCustomizer(EmulatorSettings settings) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			new CodeArtifactEmulatorInitializer(this.settings).initialize(context);
		}

	}

}
