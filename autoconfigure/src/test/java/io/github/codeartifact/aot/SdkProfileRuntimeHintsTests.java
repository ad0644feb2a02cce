package io.github.codeartifact.aot;

import java.lang.reflect.Field;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.internal.ProfileCredentialsUtils;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The hints for the factories that the AWS SDK creates by reflection for assume-role and SSO
 * profiles: each factory's public constructor can be invoked, and a module that is not on the
 * class path gets no hint.
 */
class SdkProfileRuntimeHintsTests {

	static Stream<Arguments> factories() {
		return Stream.of(
				arguments(new AssumeRoleProfileRuntimeHints(),
						"software.amazon.awssdk.services.sts.internal.StsProfileCredentialsProviderFactory"),
				arguments(new SsoProfileRuntimeHints(),
						"software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory"),
				arguments(new SsoProfileRuntimeHints(),
						"software.amazon.awssdk.services.ssooidc.SsoOidcProfileTokenProviderFactory"));
	}

	@ParameterizedTest
	@MethodSource("factories")
	void registersThePublicConstructorTheSdkInvokes(RuntimeHintsRegistrar registrar, String factory) throws Exception {
		RuntimeHints hints = new RuntimeHints();
		registrar.registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Class.forName(factory).getConstructor()))
			.accepts(hints);
	}

	@ParameterizedTest
	@MethodSource("factories")
	void registersNothingForAModuleThatIsNotThere(RuntimeHintsRegistrar registrar, String factory) {
		RuntimeHints hints = new RuntimeHints();
		registrar.registerHints(hints, new FilteredClassLoader(factory));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(factory))).rejects(hints);
	}

	@Test
	void namesTheFactoriesThatTheSdkLoadsForProfileCredentials() throws Exception {
		assertThat(sdkConstant("STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY"))
			.isEqualTo(AssumeRoleProfileRuntimeHints.STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY);
		assertThat(sdkConstant("SSO_PROFILE_CREDENTIALS_PROVIDER_FACTORY"))
			.isEqualTo(SsoProfileRuntimeHints.SSO_PROFILE_CREDENTIALS_PROVIDER_FACTORY);
	}

	private static Object sdkConstant(String name) throws ReflectiveOperationException {
		Field field = ProfileCredentialsUtils.class.getDeclaredField(name);
		field.setAccessible(true);
		return field.get(null);
	}

}
