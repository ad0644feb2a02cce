package io.github.codeartifact.test;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link CodeArtifactEmulator} standalone for humans and tools such as the AWS CLI
 * or Maven: {@code --port} (default 8099, 0 for any), {@code --domain}, {@code --owner},
 * {@code --repository} and {@code --region}. It seeds {@code demo-lib} 1.0.0 and 1.1.0 as a
 * Maven package ({@code com.example:demo-lib}), an npm package and a Python package, and prints
 * the {@code aws codeartifact login}, {@code mvn}, {@code npm} and {@code pip} commands that use
 * them.
 */
public final class CodeArtifactEmulatorMain {

	private static final Map<String, String> DEFAULTS = Map.of("port", "8099", "domain", "my-domain", "owner",
			"111122223333", "repository", "my-repo", "region", "us-east-1");

	private CodeArtifactEmulatorMain() {
	}

	/**
	 * Starts the emulator and keeps it running until the JVM is stopped.
	 * @param args the command line options
	 * @throws InterruptedException when interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		Map<String, String> options = parse(args);
		CodeArtifactEmulator emulator = start(options);
		describe(emulator, options, System.out);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "codeartifact-emulator-shutdown"));
		stopped.await();
	}

	/**
	 * Parses {@code --name value} and {@code --name=value} options over the defaults.
	 * @param args the command line
	 * @return every option with its value
	 */
	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + arg);
			}
			int equals = arg.indexOf('=');
			String name = (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
			if (!DEFAULTS.containsKey(name)) {
				throw new IllegalArgumentException("Unknown option --" + name + "; known: " + DEFAULTS.keySet());
			}
			if (equals < 0 && i + 1 >= args.length) {
				throw new IllegalArgumentException("Option --" + name + " needs a value");
			}
			options.put(name, (equals < 0) ? args[++i] : arg.substring(equals + 1));
		}
		return options;
	}

	static CodeArtifactEmulator start(Map<String, String> options) {
		String domain = options.get("domain");
		String repository = options.get("repository");
		CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain(domain, options.get("owner"))
			.repository(domain, repository)
			.region(options.get("region"))
			.port(Integer.parseInt(options.get("port")))
			.build();
		emulator.seedMavenPackage(domain, repository, "com.example", "demo-lib", "1.0.0", "1.1.0");
		emulator.seedNpmPackage(domain, repository, "demo-lib", "1.0.0", "1.1.0");
		emulator.seedPythonPackage(domain, repository, "demo-lib", "1.0.0", "1.1.0");
		return emulator;
	}

	static void describe(CodeArtifactEmulator emulator, Map<String, String> options, PrintStream out) {
		String domain = options.get("domain");
		String owner = options.get("owner");
		String region = options.get("region");
		String repository = options.get("repository");
		String target = " --domain " + domain + " --domain-owner " + owner;
		String service = " --endpoint-url " + emulator.endpoint() + " --region " + region;
		out.println("CodeArtifact emulator listening on " + emulator.endpoint());
		out.println("Domain " + domain + " (owner " + owner + "), repository " + repository + ", region " + region);
		for (String format : new String[] { "maven", "npm", "pypi" }) {
			out.println("Repository endpoint (" + format + "): " + emulator.repositoryEndpoint(domain, repository, format));
		}
		out.println("Seeded: demo-lib 1.0.0 and 1.1.0 as Maven com.example:demo-lib, npm demo-lib and Python demo-lib");
		out.println();
		out.println("Credentials (any other key is rejected):");
		out.println("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=" + region);
		out.println();
		out.println("npm, pip and twine (login writes ~/.npmrc, pip's index-url and ~/.pypirc):");
		for (String tool : new String[] { "npm", "pip", "twine" }) {
			out.println("  aws codeartifact login --tool " + tool + target + " --repository " + repository + service);
		}
		out.println("  npm install demo-lib");
		out.println("  pip install demo-lib");
		out.println("  twine upload --repository codeartifact dist/*");
		out.println();
		out.println("Maven (a <server> with id codeartifact in settings.xml: username aws, password "
				+ "${env.CODEARTIFACT_AUTH_TOKEN}):");
		out.println("  export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token" + target + service
				+ " --query authorizationToken --output text)");
		out.println("  mvn -s settings.xml dependency:get -Dartifact=com.example:demo-lib:1.1.0"
				+ " -DremoteRepositories=codeartifact::default::" + emulator.repositoryEndpoint(domain, repository, "maven"));
		out.println();
		out.println("Stop with Ctrl+C.");
		out.flush();
	}

}
