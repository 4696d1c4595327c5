#!/bin/sh
echo "cli tests: TODO"
