package io.github.codeartifact.http;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type that the HTTP integration looks up by name is registered, when it is there.
 */
class CodeArtifactHttpRuntimeHintsTests {

	@Test
	void registersBootsCodecCustomizerForTheLookUpByName() {
		RuntimeHints hints = new RuntimeHints();
		new CodeArtifactHttpRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.springframework.boot.http.codec.CodecCustomizer"))).accepts(hints);
	}

	@Test
	void registersNothingWithoutBootsCodecModule() {
		RuntimeHints hints = new RuntimeHints();
		new CodeArtifactHttpRuntimeHints().registerHints(hints,
				new FilteredClassLoader(BootTokenConnectors.CODEC_CUSTOMIZER));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

}
