package io.github.codeartifact.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Hints for AWS profiles that assume a role ({@code role_arn} with {@code source_profile} or
 * {@code credential_source}): the SDK's {@code ProfileCredentialsUtils} creates the {@code sts}
 * module's factory by reflection, and the module's own native metadata covers only the web
 * identity factory.
 */
final class AssumeRoleProfileRuntimeHints implements RuntimeHintsRegistrar {

	static final String STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY = "software.amazon.awssdk.services.sts.internal.StsProfileCredentialsProviderFactory";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		SdkFactoryHints.registerFactory(hints, classLoader, STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY);
	}

}
