"use client";

import { generateDropzone } from "dropsync";
import type { AppFileRouter } from "@/app/api/uploadthing/core";

/** dropsync's Dropzone, typed against this app's upload routes. */
export const Dropzone = generateDropzone<AppFileRouter>();
