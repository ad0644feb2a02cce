package io.github.codeartifact.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * The one rule of the SDK's factory hints: the SDK finds an optional module's factory by name
 * ({@code ClassLoaderHelper.loadClass}) and calls its public no-argument constructor, so the
 * type and its public constructors are registered, and only when the module is on the class path.
 */
final class SdkFactoryHints {

	private SdkFactoryHints() {
	}

	static void registerFactory(RuntimeHints hints, @Nullable ClassLoader classLoader, String className) {
		if (ClassUtils.isPresent(className, classLoader)) {
			hints.reflection()
				.registerType(TypeReference.of(className), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

}
