# syntax=docker/dockerfile:1
# HierCore Lab dashboard (web + worker roles) in a container.
#
#   docker build -t hiercore-lab .                          # CPU (default)
#   docker build -t hiercore-lab:cuda --build-arg TORCH=cuda .   # NVIDIA GPUs (see below)
#   docker run -p 127.0.0.1:5080:5080 -e Auth__AllowAnonymousNetwork=true -v hiercore-data:/app/data hiercore-lab
#
# Closed by default: inside the container the Lab listens on 0.0.0.0, and without sign-in it refuses to start unless
# Auth__AllowAnonymousNetwork=true says so (fine when the port is published on the host's loopback, as above).
# For other machines, turn sign-in on with a first user; the image makes the password hash itself:
#   HASH=$(docker run --rm -i hiercore-lab hash-password <<< 'a long passphrase' 2>/dev/null)
#   docker run -p 5080:5080 -e Auth__Enabled=true -e Auth__Users__0__Name=ada -e "Auth__Users__0__PasswordHash=$HASH" \
#     -e AllowedHosts=lab.example.org -v hiercore-data:/app/data hiercore-lab
# (AllowedHosts: the host names users type; by default only localhost/127.0.0.1/[::1] are answered.)
#
# Base: Ubuntu 24.04 "noble" .NET images. TorchSharp's native library needs GLIBCXX_3.4.32 (GCC 13); noble's
# libstdc++ has it, so the Debian 12 work-around in Directory.Build.targets is a no-op here.

ARG DOTNET_VERSION=10.0

# ---- build -------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
# TORCH=cpu|cuda is the engine's TorchBackend MSBuild property: cuda swaps libtorch-cpu-linux-x64 for the
# TorchSharp-cuda-linux bundle (same TorchSharp version, pulls the matching libtorch-cuda-*-linux-x64 packages,
# several GB). That package is on nuget.org but NOT served by the registry mirror used to develop this project,
# so the cuda build was never restored or run there.
ARG TORCH=cpu
WORKDIR /src

# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props HierCore.Lab.sln ./
COPY build/ build/
COPY src/HierCore.Engine/HierCore.Engine.csproj src/HierCore.Engine/
COPY src/HierCore.Lab/HierCore.Lab.csproj src/HierCore.Lab/
RUN dotnet restore src/HierCore.Lab/HierCore.Lab.csproj -p:TorchBackend=$TORCH

COPY src/ src/
RUN dotnet publish src/HierCore.Lab/HierCore.Lab.csproj -c Release --no-restore -p:TorchBackend=$TORCH -o /app/publish

# ---- runtime -----------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
# curl only for HEALTHCHECK; libgomp1 for libtorch's OpenMP threads.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libgomp1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish/ /app/
# The repository root's files the Lab reads at start: configuration and the dashboard's own static files.
COPY appsettings.json /app/appsettings.json
COPY wwwroot/ /app/wwwroot/
RUN mkdir -p /app/data && chown -R $APP_UID /app/data

# /app is the "repository root" inside the image: appsettings.json, wwwroot/ and data/ live there.
# The Lab listens on 127.0.0.1 by default (appsettings.json); inside a container that would be unreachable, so the
# image says 0.0.0.0 explicitly here, and the Lab then insists on sign-in or Auth__AllowAnonymousNetwork=true (above).
# docker stop sends SIGTERM and waits 10 s: the Lab re-queues its running run and exits 0 within Worker:ShutdownSeconds (8).
ENV Lab__RepositoryRoot=/app \
    Urls=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_ENVIRONMENT=Production \
    Roles=both \
    Worker__Device=auto
EXPOSE 5080
VOLUME ["/app/data"]
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:5080/health || exit 1

ENTRYPOINT ["dotnet", "/app/HierCore.Lab.dll"]
