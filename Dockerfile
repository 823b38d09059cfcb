# Build: the server jar, tests skipped (CI runs them).
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src ./src
COPY web ./web
RUN mvn -B -DskipTests package

# Run: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system doithoai \
 && useradd --system --gid doithoai --home-dir /var/lib/doithoai --create-home doithoai
WORKDIR /var/lib/doithoai
COPY --from=build /src/target/doithoai.jar /opt/doithoai/doithoai.jar
COPY bin/serve /opt/doithoai/serve
USER doithoai
ENV LANG=C.UTF-8 \
    DOITHOAI_PORT=8080 \
    DOITHOAI_HOST=0.0.0.0 \
    DOITHOAI_DATA_DIR=/var/lib/doithoai/data
EXPOSE 8080
# bin/serve keeps a class-data archive in the data folder, so the second start onwards is faster.
CMD ["/opt/doithoai/serve", "/opt/doithoai/doithoai.jar"]
