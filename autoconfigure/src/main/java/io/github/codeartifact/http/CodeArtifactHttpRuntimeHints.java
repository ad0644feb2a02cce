package io.github.codeartifact.http;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Hints for what the HTTP integration looks up by name at run time: whether Boot's codec module
 * is there ({@link BootTokenConnectors#strategies}), which in a native image answers only for a
 * registered type.
 */
final class CodeArtifactHttpRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(BootTokenConnectors.CODEC_CUSTOMIZER, classLoader)) {
			hints.reflection().registerType(TypeReference.of(BootTokenConnectors.CODEC_CUSTOMIZER));
		}
	}

}
