package dev.s3aas.controlplane.cluster;

/** PENDING until the first probe; ACTIVE when every gateway and the admin API answer; ERROR otherwise. */
public enum ClusterStatus { PENDING, ACTIVE, ERROR }
