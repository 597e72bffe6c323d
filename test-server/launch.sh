# Sourced by test-server/run and test-server/ssm: builds the project when the build is missing or
# older than the sources, then sets SSM_CLASSPATH.
set -euo pipefail
ssm_server_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ssm_root="$(dirname "$ssm_server_dir")"
ssm_stamp="$ssm_server_dir/target/lib/.built"

if ! command -v java >/dev/null 2>&1; then
  echo "java (17 or later) is needed on PATH" >&2
  exit 2
fi
if [ ! -f "$ssm_stamp" ] || [ -n "$(find "$ssm_root/src" "$ssm_server_dir/src" "$ssm_root/styles" \
    "$ssm_root/pom.xml" "$ssm_server_dir/pom.xml" -newer "$ssm_stamp" -print -quit 2>/dev/null)" ]; then
  echo "building (mvn -DskipTests package)..." >&2
  (cd "$ssm_root" && mvn -q -B -DskipTests package) >&2
  touch "$ssm_stamp"
fi
# slf4j-api 2.x must precede the GeoTools wrapper, which bundles slf4j-api 1.7 classes.
ssm_slf4j="$(ls "$ssm_server_dir"/target/lib/slf4j-api-2.*.jar)"
SSM_CLASSPATH="$ssm_server_dir/target/classes:$ssm_slf4j:$ssm_server_dir/target/lib/*"
SSM_JAVA_OPTS="${SSM_JAVA_OPTS:--Xmx6g -Djava.awt.headless=true}"
