// The entry point Remotion bundles (never imported by the Node side).
import { registerRoot } from 'remotion';
import { Root } from './root.js';

registerRoot(Root);
