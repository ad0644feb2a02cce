package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CodeArtifactEmulatorMain}.
 */
class CodeArtifactEmulatorMainTests {

	@Test
	void optionsOverrideDefaults() {
		Map<String, String> options = CodeArtifactEmulatorMain.parse(new String[] { "--port", "0", "--domain=d-x" });
		assertThat(options).containsEntry("port", "0")
			.containsEntry("domain", "d-x")
			.containsEntry("owner", "111122223333")
			.containsEntry("repository", "my-repo")
			.containsEntry("region", "us-east-1");
		assertThat(CodeArtifactEmulatorMain.parse(new String[0])).containsEntry("port", "8099");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeArtifactEmulatorMain.parse(new String[] { "--nope", "1" }));
		assertThatIllegalArgumentException().isThrownBy(() -> CodeArtifactEmulatorMain.parse(new String[] { "--port" }));
	}

	@Test
	void startsSeedsAndPrintsHowToUseIt() {
		Map<String, String> options = CodeArtifactEmulatorMain.parse(new String[] { "--port", "0" });
		try (CodeArtifactEmulator emulator = CodeArtifactEmulatorMain.start(options)) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			CodeArtifactEmulatorMain.describe(emulator, options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
			String output = bytes.toString(StandardCharsets.UTF_8);
			assertThat(output).contains("listening on " + emulator.endpoint())
				.contains("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1")
				.contains("aws codeartifact get-authorization-token --domain my-domain --domain-owner 111122223333 --endpoint-url "
						+ emulator.endpoint() + " --region us-east-1")
				.contains("mvn -s settings.xml dependency:get -Dartifact=com.example:demo-lib:1.1.0 "
						+ "-DremoteRepositories=codeartifact::default::" + emulator.endpoint()
						+ "/my-domain-111122223333/maven/my-repo/")
				.contains("npm install demo-lib", "pip install demo-lib");
			for (String tool : new String[] { "npm", "pip", "twine" }) {
				assertThat(output).contains("aws codeartifact login --tool " + tool
						+ " --domain my-domain --domain-owner 111122223333 --repository my-repo --endpoint-url "
						+ emulator.endpoint() + " --region us-east-1");
			}
			assertThat(emulator.packageFile("my-domain", "my-repo", "maven",
					"com/example/demo-lib/1.1.0/demo-lib-1.1.0.jar")).isNotNull();
			assertThat(emulator.packageFile("my-domain", "my-repo", "npm", "demo-lib/-/demo-lib-1.1.0.tgz")).isNotNull();
			assertThat(emulator.packageFile("my-domain", "my-repo", "pypi",
					"packages/demo-lib/1.1.0/demo_lib-1.1.0-py3-none-any.whl")).isNotNull();
		}
	}

}
